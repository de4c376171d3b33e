"""The demo plan's content pages, linked from the footer. The texts describe Vahti's
demo honestly: it is an example installation, not the City of Helsinki's service."""

PAGES = [
    {
        "slug": "tietoa",
        "heading": {
            "fi": "Tietoa Hiilineutraali Helsinki 2035 -ohjelmasta",
            "sv": "Om programmet Kolneutrala Helsingfors 2035",
            "en": "About the Carbon-neutral Helsinki 2035 plan",
        },
        "lead": {
            "fi": "Helsinki tavoittelee hiilineutraaliutta vuoteen 2035 mennessä. Tällä "
            "sivustolla seurataan, miten ohjelman toimenpiteet etenevät.",
            "sv": "Helsingfors strävar efter att vara kolneutralt år 2035. Den här "
            "webbplatsen följer hur programmets åtgärder framskrider.",
            "en": "Helsinki aims to be carbon neutral by 2035. This site follows how the "
            "plan's actions are progressing.",
        },
        "body": {
            "fi": "<p>Ohjelmassa on toimenpiteitä liikenteeseen, rakentamiseen, "
            "energiaan, kulutukseen ja elinkeinoelämään. Jokaisella toimenpiteellä on "
            "vastuutaho ja yhteyshenkilö, joka päivittää sen etenemistä.</p>"
            "<h2>Miten tietoja luetaan?</h2><p>Toimenpiteen tila kertoo, onko se "
            "aikataulussa. Mittarit näyttävät, miten päästöt ja muut tavoitteet "
            "kehittyvät. Tiedot ovat avointa dataa.</p><p>Tämä on Vahti-alustan "
            "esittelyasennus, jonka sisältö pohjautuu Helsingin julkaisemiin tietoihin.</p>",
            "sv": "<p>Programmet har åtgärder för trafik, byggande, energi, konsumtion och "
            "näringsliv. Varje åtgärd har en ansvarig part och en kontaktperson som "
            "uppdaterar hur den framskrider.</p><h2>Hur läser man uppgifterna?</h2><p>"
            "Åtgärdens status berättar om den följer tidsplanen. Indikatorerna visar hur "
            "utsläppen och andra mål utvecklas. Uppgifterna är öppna data.</p><p>Det här "
            "är en demonstrationsinstallation av Vahti.</p>",
            "en": "<p>The plan has actions on transport, construction, energy, "
            "consumption and business. Each action has a responsible party and a contact "
            "person who updates its progress.</p><h2>How to read the site</h2><p>An "
            "action's status tells whether it is on schedule. The indicators show how "
            "emissions and the other goals develop. All of it is open data.</p><p>This is "
            "a demonstration installation of Vahti.</p>",
        },
    },
    {
        "slug": "ohjeet-yhteyshenkiloille",
        "heading": {
            "fi": "Ohjeet yhteyshenkilöille",
            "sv": "Anvisningar för kontaktpersoner",
            "en": "Instructions for contact persons",
        },
        "lead": {
            "fi": "Näin pidät vastuullasi olevat toimenpiteet ajan tasalla.",
            "sv": "Så här håller du dina åtgärder aktuella.",
            "en": "How to keep the actions you are responsible for up to date.",
        },
        "body": {
            "fi": "<ol><li>Kirjaudu ylläpitoon osoitteessa /admin/ työsähköpostillasi."
            "</li><li>Etusivulla näet toimenpiteesi ja sen, mikä vaatii huomiota: "
            "myöhässä olevat tehtävät ja pitkään päivittämättä olleet toimenpiteet.</li>"
            "<li>Päivitä tila, vaihe ja tehtävät. Merkitse valmis tehtävä valmiiksi "
            "päivämäärän kanssa ja lisää seuraavat tehtävät.</li><li>Tallenna luonnos, "
            "jos haluat jatkaa myöhemmin, tai julkaise, kun tiedot ovat valmiit. "
            "Julkaiseminen päivittää julkisen sivun ja sen päivityspäivän.</li></ol>"
            "<p>Jos joku muu muokkaa samaa toimenpidettä yhtä aikaa, järjestelmä "
            "kertoo siitä eikä kenenkään muutoksia menetetä.</p>",
            "sv": "<ol><li>Logga in på /admin/ med din e-postadress.</li><li>På "
            "startsidan ser du dina åtgärder och det som kräver uppmärksamhet.</li><li>"
            "Uppdatera status, fas och uppgifter.</li><li>Spara ett utkast eller "
            "publicera när uppgifterna är klara.</li></ol>",
            "en": "<ol><li>Log in at /admin/ with your work email address.</li><li>The "
            "dashboard shows your actions and what needs attention: late tasks and "
            "actions not updated for a long time.</li><li>Update the status, the phase "
            "and the tasks. Mark a finished task completed with its date and add the next "
            "ones.</li><li>Save a draft to continue later, or publish when you are done: "
            "publishing updates the public page and its update date.</li></ol><p>If "
            "someone else edits the same action at the same time, you are told, and "
            "nobody's changes are lost.</p>",
        },
    },
    {
        "slug": "saavutettavuusseloste",
        "heading": {
            "fi": "Saavutettavuusseloste",
            "sv": "Tillgänglighetsutlåtande",
            "en": "Accessibility statement",
        },
        "lead": {
            "fi": "Sivusto on tehty täyttämään WCAG 2.1 -ohjeiston AA-tason vaatimukset.",
            "sv": "Webbplatsen är gjord för att uppfylla kraven på nivå AA i WCAG 2.1.",
            "en": "The site is built to meet the level AA requirements of WCAG 2.1.",
        },
        "body": {
            "fi": "<p>Jokainen julkinen sivutyyppi tarkistetaan automaattisesti axe-"
            "työkalulla kolmella kielellä, ja sivuja käytetään testeissä pelkällä "
            "näppäimistöllä ja 360 pikselin levyisellä näytöllä. Kaaviot on esitetty myös "
            "taulukkoina.</p><h2>Palaute</h2><p>Jos huomaat saavutettavuusongelman, "
            "kerro siitä ylläpitäjälle. Vastaamme kahden viikon kuluessa.</p>",
            "sv": "<p>Varje typ av offentlig sida kontrolleras automatiskt med axe på tre "
            "språk och används i testerna med enbart tangentbord. Diagrammen visas också "
            "som tabeller.</p><h2>Respons</h2><p>Meddela oss om du hittar ett "
            "tillgänglighetsproblem.</p>",
            "en": "<p>Every public page type is checked automatically with axe in three "
            "languages, and the tests use the pages with the keyboard only and on a "
            "360 pixel wide screen. Charts are also shown as tables.</p><h2>Feedback</h2>"
            "<p>If you find an accessibility problem, tell the site's administrators. We "
            "answer within two weeks.</p>",
        },
    },
    {
        "slug": "tietosuojaseloste",
        "heading": {
            "fi": "Tietosuojaseloste",
            "sv": "Dataskyddsbeskrivning",
            "en": "Privacy notice",
        },
        "lead": {
            "fi": "Sivusto ei käytä seurantaevästeitä eikä kolmansien osapuolten palveluja.",
            "sv": "Webbplatsen använder inga spårningskakor eller tredjepartstjänster.",
            "en": "The site uses no tracking cookies and no third-party services.",
        },
        "body": {
            "fi": "<p>Julkisilla sivuilla näytetään toimenpiteiden yhteyshenkilöiden "
            "nimet, tehtävänimikkeet ja organisaatiot, koska he vastaavat toimenpiteistä "
            "työssään. Ylläpitoon kirjautuneista käyttäjistä tallennetaan kirjautumiset "
            "ja muutokset muutoslokiin.</p><p>Istuntoeväste asetetaan vain "
            "kirjautuessa.</p>",
            "sv": "<p>På de offentliga sidorna visas kontaktpersonernas namn, titlar och "
            "organisationer. För inloggade användare sparas inloggningar och ändringar i "
            "en logg.</p>",
            "en": "<p>The public pages show the names, job titles and organisations of "
            "the actions' contact persons, because they answer for the actions in their "
            "work. For users of the admin, logins and changes are kept in an audit log."
            "</p><p>A session cookie is set only when someone logs in.</p>",
        },
    },
]
