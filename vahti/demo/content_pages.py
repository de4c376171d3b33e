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
        # What section 15 of the Act on the Provision of Digital Services (306/2019)
        # asks of a statement: how accessible the site is, what is not and why, how to
        # give feedback, the supervisory authority (Traficom since 1.1.2025, before it
        # the Regional State Administrative Agency for Southern Finland), the dates.
        "slug": "saavutettavuusseloste",
        "heading": {
            "fi": "Saavutettavuusseloste",
            "sv": "Tillgänglighetsutlåtande",
            "en": "Accessibility statement",
        },
        "lead": {
            "fi": "Tämä seloste kertoo, kuinka saavutettava tämä sivusto on, mitkä sisällöt "
            "eivät ole saavutettavia ja miten voit antaa palautetta saavutettavuudesta.",
            "sv": "Det här utlåtandet berättar hur tillgänglig webbplatsen är, vilket "
            "innehåll som inte är tillgängligt och hur du kan ge respons om tillgängligheten.",
            "en": "This statement tells how accessible this site is, which content is not "
            "accessible and how you can give feedback on its accessibility.",
        },
        "body": {
            "fi": "<p>Seloste koskee tätä sivustoa, Vahti-alustan esittelyasennusta. "
            "Digitaalisten palvelujen tarjoamisesta annettu laki (306/2019) edellyttää, "
            "että julkiset verkkopalvelut ovat saavutettavia.</p>"
            "<h2>Saavutettavuuden tila</h2><p>Sivusto täyttää WCAG 2.1 -ohjeiston A- ja "
            "AA-tason saavutettavuusvaatimukset osittain. Puutteet kerrotaan alla.</p>"
            "<h2>Miten saavutettavuus on arvioitu</h2><p>Olemme arvioineet sivuston "
            "itse. Jokainen julkinen sivutyyppi tarkistetaan automaattisesti axe-"
            "työkalulla kolmella kielellä, ja sivuja käytetään testeissä pelkällä "
            "näppäimistöllä ja 360 pikselin levyisellä näytöllä. Kaaviot on esitetty "
            "myös taulukkoina ja vaikutusverkosto myös luettelona.</p>"
            "<h2>Sisällöt, jotka eivät ole saavutettavia</h2>"
            "<h3>Yhteyshenkilöiden lisäämät kuvat ja liitteet</h3><p>Toimenpiteiden "
            "yhteyshenkilöt lisäävät sivuille kuvia ja linkkejä asiakirjoihin. Kaikilla "
            "kuvilla ei ole kuvaavaa tekstivastinetta, eivätkä kaikki linkitetyt "
            "asiakirjat ole saavutettavia (WCAG 1.1.1 ja 1.3.1). Syy: sisältöä tuottavat "
            "monet eri ihmiset. Korjaamme puutteet, kun ne tulevat tietoomme, ja "
            "toimitamme pyynnöstä sisällön saavutettavassa muodossa.</p>"
            "<h2>Palaute</h2><p>Jos huomaat sivustolla saavutettavuuspuutteen tai "
            "tarvitset sisältöä saavutettavassa muodossa, kerro siitä sivuston "
            'ylläpitäjille <a href="../../feedback/">palautelomakkeella</a>. Vastaamme '
            "14 päivän kuluessa.</p>"
            "<h2>Valvontaviranomainen</h2><p>Jos et ole tyytyväinen saamaasi vastaukseen "
            "tai et saa vastausta kahden viikon kuluessa, voit tehdä ilmoituksen "
            "valvontaviranomaiselle. Saavutettavuusvaatimusten noudattamista valvoo "
            "1.1.2025 alkaen Liikenne- ja viestintävirasto Traficom (aiemmin Etelä-Suomen "
            "aluehallintovirasto). Sen sivuilla kerrotaan, miten ilmoituksen voi tehdä ja "
            "miten asia käsitellään.</p><p>Liikenne- ja viestintävirasto Traficom<br>"
            "Digitaalisen esteettömyyden ja saavutettavuuden valvontayksikkö<br>"
            '<a href="https://www.saavutettavuusvaatimukset.fi/">'
            "www.saavutettavuusvaatimukset.fi</a><br>saavutettavuus@traficom.fi<br>"
            "puhelinvaihde 029 534 5000</p>"
            "<h2>Selosteen päiväys</h2><p>Seloste on laadittu 2.12.2026 ja päivitetty "
            "viimeksi 6.12.2026.</p>",
            "sv": "<p>Utlåtandet gäller den här webbplatsen, en demonstrationsinstallation "
            "av Vahti. Lagen om tillhandahållande av digitala tjänster (306/2019) kräver "
            "att offentliga webbtjänster är tillgängliga.</p>"
            "<h2>Tillgänglighetsstatus</h2><p>Webbplatsen uppfyller delvis kraven på "
            "nivå A och AA i WCAG 2.1. Bristerna beskrivs nedan.</p>"
            "<h2>Hur tillgängligheten har bedömts</h2><p>Vi har bedömt webbplatsen "
            "själva. Varje typ av offentlig sida kontrolleras automatiskt med axe på tre "
            "språk, och i testerna används sidorna med enbart tangentbord och på en 360 "
            "pixlar bred skärm. Diagrammen visas också som tabeller och nätverket av "
            "samband också som en lista.</p>"
            "<h2>Innehåll som inte är tillgängligt</h2>"
            "<h3>Bilder och bilagor som kontaktpersonerna lagt till</h3><p>Åtgärdernas "
            "kontaktpersoner lägger till bilder och länkar till dokument. Alla bilder har "
            "inte en beskrivande textmotsvarighet och alla länkade dokument är inte "
            "tillgängliga (WCAG 1.1.1 och 1.3.1). Orsak: innehållet skrivs av många olika "
            "personer. Vi rättar bristerna när vi får kännedom om dem och ger på begäran "
            "innehållet i tillgänglig form.</p>"
            "<h2>Respons</h2><p>Om du upptäcker en brist i tillgängligheten eller behöver "
            "innehåll i tillgänglig form, meddela webbplatsens administratörer via "
            '<a href="../../feedback/">responsformuläret</a>. Vi svarar inom 14 dagar.</p>'
            "<h2>Tillsynsmyndighet</h2><p>Om du inte är nöjd med svaret eller inte får "
            "något svar inom två veckor kan du göra en anmälan till tillsynsmyndigheten. "
            "Sedan 1.1.2025 övervakas tillgänglighetskraven av Transport- och "
            "kommunikationsverket Traficom (tidigare Regionförvaltningsverket i Södra "
            "Finland). På dess webbplats berättas hur du gör en anmälan och hur ärendet "
            "behandlas.</p><p>Transport- och kommunikationsverket Traficom<br>"
            "Tillsynen över digital tillgänglighet<br>"
            '<a href="https://www.saavutettavuusvaatimukset.fi/">'
            "www.saavutettavuusvaatimukset.fi</a><br>saavutettavuus@traficom.fi<br>"
            "telefonväxel 029 534 5000</p>"
            "<h2>Utlåtandets datum</h2><p>Utlåtandet har utarbetats 2.12.2026 och "
            "uppdaterats senast 6.12.2026.</p>",
            "en": "<p>This statement covers this site, a demonstration installation of "
            "Vahti. The Finnish Act on the Provision of Digital Services (306/2019) "
            "requires public web services to be accessible.</p>"
            "<h2>Compliance status</h2><p>The site partially meets the level A and AA "
            "requirements of WCAG 2.1. The shortcomings are listed below.</p>"
            "<h2>How accessibility was assessed</h2><p>We assessed the site ourselves. "
            "Every public page type is checked automatically with axe in three languages, "
            "and the tests use the pages with the keyboard only and on a 360 pixel wide "
            "screen. Charts are also shown as tables and the insight network also as a "
            "list.</p>"
            "<h2>Content that is not accessible</h2>"
            "<h3>Images and attachments added by contact persons</h3><p>The actions' "
            "contact persons add images and links to documents. Not every image has a "
            "descriptive text alternative, and not every linked document is accessible "
            "(WCAG 1.1.1 and 1.3.1). Reason: the content is written by many different "
            "people. We fix the shortcomings when we learn of them, and on request "
            "provide the content in an accessible form.</p>"
            "<h2>Feedback</h2><p>If you find an accessibility shortcoming on the site or "
            "need content in an accessible form, tell the site's administrators with "
            '<a href="../../feedback/">the feedback form</a>. We answer within 14 days.'
            "</p><h2>Supervisory authority</h2><p>If you are not satisfied with the "
            "answer, or get no answer within two weeks, you can report it to the "
            "supervisory authority. Since 1 January 2025 compliance with the "
            "accessibility requirements is supervised by the Finnish Transport and "
            "Communications Agency Traficom (before it, the Regional State "
            "Administrative Agency for Southern Finland). Its site explains how to "
            "report and how the matter is handled.</p><p>Finnish Transport and "
            "Communications Agency Traficom<br>Digital Accessibility Supervision<br>"
            '<a href="https://www.saavutettavuusvaatimukset.fi/">'
            "www.saavutettavuusvaatimukset.fi</a><br>saavutettavuus@traficom.fi<br>"
            "switchboard +358 29 534 5000</p>"
            "<h2>Date of the statement</h2><p>The statement was prepared on 2 December "
            "2026 and last updated on 6 December 2026.</p>",
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
