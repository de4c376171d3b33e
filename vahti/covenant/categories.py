"""The categories of the Covenant of Mayors' SECAP template and monitoring template for
mitigation actions, with stable codes (ours) and the template's English labels.

Source: Covenant of Mayors & Mayors Adapt Offices and the European Commission's Joint
Research Centre, *The Covenant of Mayors for Climate and Energy Reporting Guidelines*,
version 1.0 (July 2016), JRC103031, EUR 28160 EN, section I “SECAP template”, mitigation
actions, and its annex listing the sectors, areas of intervention and policy
instruments; and the SECAP template's “Mitigation actions” table (the Excel working
document mirroring MyCovenant). See also Bertoldi (ed.), Guidebook “How to develop a
Sustainable Energy and Climate Action Plan (SECAP)”, EUR 29412 EN, 2018.

Verification: the sectors are those of the template's inventory and action tables (seen
in several reproductions). The areas of intervention and policy instruments were checked
against a reproduction of the template's lists in which punctuation had been stripped
(e.g. “Car sharing pooling”); the punctuation here (“Car sharing/pooling”, “Awareness
raising/training”) is from the template as we remember it and is NOT verified against
the template file. Entries marked ``# unverified`` could not be checked against any
source we could read: the public lighting areas, the origins of an action and the
column headings' exact wording. Codes never change once used: a mapping stores them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Choice:
    code: str
    label: str


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
    "public_lighting": (  # unverified: not in the reproduction we could read
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

ORIGINS = (  # unverified: the list as the issue gives it, not checked against the template
    Choice("local_authority", "Local authority"),
    Choice("coordinator", "Covenant Coordinator"),
    Choice("regional", "Regional"),
    Choice("national", "National"),
    Choice("eu", "EU"),
    Choice("other", "Other"),
)

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


# The mitigation-actions table's headings, in the template's order (the wording follows
# the reporting guidelines' field names; unverified against the template file itself).
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
