"""The categories of the Covenant of Mayors' SECAP template and monitoring template for
mitigation actions, with stable codes (ours) and the template's English labels.

Source: Covenant of Mayors & Mayors Adapt Offices and the European Commission's Joint
Research Centre, *The Covenant of Mayors for Climate and Energy Reporting Guidelines*,
version 1.0 (July 2016), JRC103031, EUR 28160 EN, “Step I – Fill in the template”,
“Section I – SECAP template” (p. 10 in its table of contents), mitigation actions; and the
SECAP template's “Mitigation actions” table (the Excel working document mirroring
MyCovenant). See also Bertoldi (ed.), Guidebook “How to develop a Sustainable Energy and
Climate Action Plan (SECAP)”, Part 1, EUR 29412 EN, 2018.

Verification (2026-12, with the stored public copies available to us):
- The guidelines' copies we could read (https://vdocuments.us/the-covenant-of-mayors-for-
  climate-and-energy-reporting-guidelines-2017-10-26.html, https://publications.jrc.ec.
  europa.eu/repository/handle/JRC103031) show only the title, version and table of
  contents, not the template's lists. The SECAP guidebook's copies show only its opening.
  No list below is verified against the guidelines, the guidebook or the template file.
- The one reproduction of the lists we found is a public SECAP-analysis prompt on GitHub
  (its repository could not be identified) that lists the sectors, areas of
  intervention, policy instruments, financing sources and implementation statuses with
  most punctuation stripped. It corroborates the wording (not the punctuation, order or
  case) where noted per list below, and differs where noted. It has no public lighting
  areas, origins of an action or column headings.
- The Covenant's own signatory profile pages (eumayors.eu / covenantofmayors.eu,
  "signatories_en.html?city_id=…", as stored copies of 2026-12) show key actions reported
  through the template with the labels "Sector", "Implementation timeframe", "Area of
  intervention", "Policy instrument", "Responsible body", "CO2 reduction" (t CO2 eq./a),
  "Energy savings (MWh)" and "Implementation cost (€)", and these values: sectors
  "Transport" and "Public lighting"; areas "Modal shift to public transport",
  "Improvement of logistics and urban freight transport" and, for public lighting,
  "Energy efficiency"; instruments "Energy management", "Other" and "Transport mobility
  planning regulation" (a slash lost in the display, as ours reads). The Covenant's FAQ
  names the key sectors "Municipal buildings, Residential buildings, Tertiary buildings,
  Transport". Nothing else was found: not the template's column headings or order, which
  cells it requires, the origins of an action or the order of the statuses.
Hence every list keeps an ``unverified`` note: labels are as first written here, from
the template as remembered, except the values named above. Codes never change once used:
a mapping stores them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Choice:
    code: str
    label: str


# Unverified. The reproduction has the same wording, with the parentheses and slashes, for
# tertiary buildings and local heat/cold production, and "municipal buildings",
# "residential buildings", "transport", "industry", "local electricity production"; it has
# no public lighting or "Others" but has a "waste" sector.
SECTORS = (
    Choice("municipal_buildings", "Municipal buildings, equipment/facilities"),
    Choice("tertiary_buildings", "Tertiary (non municipal) buildings, equipment/facilities"),
    Choice("residential_buildings", "Residential buildings"),
    Choice("public_lighting", "Public lighting"),
    Choice("industry", "Industry"),
    Choice("transport", "Transport"),
    Choice("local_electricity", "Local electricity production"),
    Choice("local_heat_cold", "Local heat/cold production"),
    Choice("others", "Others"),
)

# The three building sectors offer the same areas of intervention.
# Areas, unverified. The reproduction has every area below except the public lighting
# ones and the sectors' plain "Other" (it has only "Industry other"), without
# punctuation (e.g. "Car sharing pooling", "Cleaner efficient vehicles", "District
# heating cooling network", "Eco driving") and without our parenthesised qualifiers
# ("Integrated action", "Electric vehicles"); it writes "Modal shift to walking and
# cycling" (ours "&") and has both "Waste & wastewater management" and "Waste and
# wastewater management"; it names the industry "Other"/"Renewable energy" areas
# "Industry other"/"Industry renewable energy".
_BUILDINGS = (
    ("building_envelope", "Building envelope"),
    ("renewable_heating", "Renewable energy for space heating and hot water"),
    ("efficient_heating", "Energy efficiency in space heating and hot water"),
    ("efficient_lighting", "Energy efficient lighting systems"),
    ("efficient_appliances", "Energy efficient electrical appliances"),
    ("integrated", "Integrated action (all above)"),
    ("ict", "Information and Communication Technologies"),
    ("behaviour", "Behavioural changes"),
    ("other", "Other"),
)

# Areas of intervention by sector: the code is "<sector>.<area>".
_AREAS_BY_SECTOR = {
    "municipal_buildings": _BUILDINGS,
    "tertiary_buildings": _BUILDINGS,
    "residential_buildings": _BUILDINGS,
    "public_lighting": (  # "Energy efficiency" is on a Covenant profile page; the rest unverified
        ("energy_efficiency", "Energy efficiency"),
        ("integrated_renewables", "Integrated renewable energy"),
        ("ict", "Information and Communication Technologies"),
        ("other", "Other"),
    ),
    "industry": (
        ("processes", "Energy efficiency in industrial processes"),
        ("buildings", "Energy efficiency in buildings"),
        ("renewables", "Renewable energy"),
        ("ict", "Information and Communication Technologies"),
        ("other", "Other"),
    ),
    "transport": (
        ("cleaner_vehicles", "Cleaner/efficient vehicles"),
        ("electric_vehicles", "Electric vehicles (incl. infrastructure)"),
        ("walking_cycling", "Modal shift to walking & cycling"),
        ("public_transport", "Modal shift to public transport"),
        ("car_sharing", "Car sharing/pooling"),
        ("logistics", "Improvement of logistics and urban freight transport"),
        ("road_network", "Road network optimisation"),
        ("mixed_use", "Mixed use development and sprawl containment"),
        ("ict", "Information and Communication Technologies"),
        ("eco_driving", "Eco-driving"),
        ("other", "Other"),
    ),
    "local_electricity": (
        ("hydro", "Hydroelectric power"),
        ("wind", "Wind power"),
        ("photovoltaics", "Photovoltaics"),
        ("biomass", "Biomass power plant"),
        ("chp", "Combined Heat and Power"),
        ("smart_grids", "Smart grids"),
        ("other", "Other"),
    ),
    "local_heat_cold": (
        ("chp", "Combined Heat and Power"),
        ("district_network", "District heating/cooling network (new, expansion, refurbishment)"),
        ("district_plant", "District heating/cooling plant"),
        ("other", "Other"),
    ),
    "others": (
        ("urban_regeneration", "Urban regeneration"),
        ("waste", "Waste and wastewater management"),
        ("tree_planting", "Tree planting in urban areas"),
        ("agriculture_forestry", "Agriculture and forestry related"),
        ("other", "Other"),
    ),
}

AREAS = tuple(
    Choice(f"{sector}.{code}", label)
    for sector, areas in _AREAS_BY_SECTOR.items()
    for code, label in areas
)

# Unverified. The reproduction has these without punctuation ("Awareness raising training",
# "Energy certification labelling", "Energy carbon taxes") and differs in: "Third party
# financing" (no "PPP"), "Land use planning" (no "regulation"), "Mobility planning
# regulation" (no "Transport/"); it has no "Other".
POLICY_INSTRUMENTS = (
    Choice("awareness_raising", "Awareness raising/training"),
    Choice("energy_management", "Energy management"),
    Choice("energy_certification", "Energy certification/labelling"),
    Choice("energy_suppliers_obligations", "Energy suppliers obligations"),
    Choice("energy_carbon_taxes", "Energy/carbon taxes"),
    Choice("grants_subsidies", "Grants and subsidies"),
    Choice("third_party_financing", "Third-party financing. PPP"),
    Choice("public_procurement", "Public procurement"),
    Choice("building_standards", "Building standards"),
    Choice("energy_performance_standards", "Energy performance standards"),
    Choice("land_use_planning", "Land use planning regulation"),
    Choice("mobility_planning", "Transport/mobility planning regulation"),
    Choice("road_pricing", "Road pricing"),
    Choice("integrated_ticketing", "Integrated ticketing and charging"),
    Choice("voluntary_agreements", "Voluntary agreements with stakeholders"),
    Choice("not_applicable", "Not applicable"),
    Choice("other", "Other"),
)

# Unverified: the list as issue 24 gives it; in no source or reproduction we could read.
ORIGINS = (
    Choice("local_authority", "Local authority"),
    Choice("coordinator", "Covenant Coordinator"),
    Choice("regional", "Regional"),
    Choice("national", "National"),
    Choice("eu", "EU"),
    Choice("other", "Other"),
)

# The reproduction has the same five values (in another order: Not started, Completed,
# Cancelled, Ongoing, Postponed). Their order here is unverified.
STATUSES = (
    Choice("completed", "Completed"),
    Choice("ongoing", "Ongoing"),
    Choice("not_started", "Not started"),
    Choice("postponed", "Postponed"),
    Choice("cancelled", "Cancelled"),
)

# The columns mapped from a plan's lists, with their choices.
CHOICES = {
    "sector": SECTORS,
    "area": AREAS,
    "instrument": POLICY_INSTRUMENTS,
    "origin": ORIGINS,
    "status": STATUSES,
}
LABELS = {column: {c.code: c.label for c in choices} for column, choices in CHOICES.items()}


def sector_of_area(area_code: str) -> str:
    return area_code.split(".", 1)[0]


def area_choices_by_sector() -> list[tuple[str, list[tuple[str, str]]]]:
    """Areas of intervention grouped under their sector (a select's optgroups)."""
    labels = LABELS["sector"]
    return [
        (labels[sector], [(f"{sector}.{code}", label) for code, label in areas])
        for sector, areas in _AREAS_BY_SECTOR.items()
    ]


def choices_for(column: str) -> list:
    if column == "area":
        return area_choices_by_sector()
    return [(c.code, c.label) for c in CHOICES[column]]


# The mitigation-actions table's headings in the template's order. Unverified: wording,
# order and units are from memory of the guidelines' field names; no source or
# reproduction we could read shows the table.
COLUMNS = (
    ("title", "Title of the action"),
    ("sector", "Sector"),
    ("area", "Area of intervention"),
    ("instrument", "Policy instrument"),
    ("origin", "Origin of the action"),
    ("responsible", "Responsible body"),
    ("start", "Implementation start"),
    ("end", "Implementation end"),
    ("status", "Implementation status"),
    ("costs", "Estimated implementation costs (EUR)"),
    ("energy_savings", "Estimated energy savings (MWh/a)"),
    ("renewable_production", "Estimated renewable energy production (MWh/a)"),
    ("emission_reduction", "Estimated CO2 reduction (t CO2/a)"),
)
HEADINGS = dict(COLUMNS)
# What the template asks of every action; costs and impacts are asked where known.
# Unverified: no source we could read says which of the table's cells are mandatory.
REQUIRED_COLUMNS = (
    "title",
    "sector",
    "area",
    "instrument",
    "origin",
    "responsible",
    "start",
    "end",
    "status",
)
