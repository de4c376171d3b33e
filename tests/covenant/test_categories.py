"""The export's columns and categories follow the Covenant of Mayors' reporting
guidelines: The Covenant of Mayors for Climate and Energy Reporting Guidelines, v1.0
(July 2016), JRC103031, EUR 28160 EN (SECAP template, mitigation actions). None of these
lists could be checked against the guidelines or the template file; vahti/covenant/
categories.py says per list what a public reproduction corroborates and where it differs.
This test pins every list, verified or not, so that a change is deliberate."""

from vahti.covenant import categories

SECTORS = [
    "Municipal buildings, equipment/facilities",
    "Tertiary (non municipal) buildings, equipment/facilities",
    "Residential buildings",
    "Public lighting",
    "Industry",
    "Transport",
    "Local electricity production",
    "Local heat/cold production",
    "Others",
]
BUILDING_AREAS = [
    "Building envelope",
    "Renewable energy for space heating and hot water",
    "Energy efficiency in space heating and hot water",
    "Energy efficient lighting systems",
    "Energy efficient electrical appliances",
    "Integrated action (all above)",
    "Information and Communication Technologies",
    "Behavioural changes",
    "Other",
]
TRANSPORT_AREAS = [
    "Cleaner/efficient vehicles",
    "Electric vehicles (incl. infrastructure)",
    "Modal shift to walking & cycling",
    "Modal shift to public transport",
    "Car sharing/pooling",
    "Improvement of logistics and urban freight transport",
    "Road network optimisation",
    "Mixed use development and sprawl containment",
    "Information and Communication Technologies",
    "Eco-driving",
    "Other",
]
LOCAL_ELECTRICITY_AREAS = [
    "Hydroelectric power",
    "Wind power",
    "Photovoltaics",
    "Biomass power plant",
    "Combined Heat and Power",
    "Smart grids",
    "Other",
]
INDUSTRY_AREAS = [
    "Energy efficiency in industrial processes",
    "Energy efficiency in buildings",
    "Renewable energy",
    "Information and Communication Technologies",
    "Other",
]
LOCAL_HEAT_COLD_AREAS = [
    "Combined Heat and Power",
    "District heating/cooling network (new, expansion, refurbishment)",
    "District heating/cooling plant",
    "Other",
]
# Unverified: in no source or reproduction we could read.
PUBLIC_LIGHTING_AREAS = [
    "Energy efficiency",
    "Integrated renewable energy",
    "Information and Communication Technologies",
    "Other",
]
OTHERS_AREAS = [
    "Urban regeneration",
    "Waste and wastewater management",
    "Tree planting in urban areas",
    "Agriculture and forestry related",
    "Other",
]
POLICY_INSTRUMENTS = [
    "Awareness raising/training",
    "Energy management",
    "Energy certification/labelling",
    "Energy suppliers obligations",
    "Energy/carbon taxes",
    "Grants and subsidies",
    "Third-party financing. PPP",
    "Public procurement",
    "Building standards",
    "Energy performance standards",
    "Land use planning regulation",
    "Transport/mobility planning regulation",
    "Road pricing",
    "Integrated ticketing and charging",
    "Voluntary agreements with stakeholders",
    "Not applicable",
    "Other",
]
STATUSES = ["Completed", "Ongoing", "Not started", "Postponed", "Cancelled"]
# Unverified: the list as issue 24 gives it.
ORIGINS = ["Local authority", "Covenant Coordinator", "Regional", "National", "EU", "Other"]
COLUMNS = [
    "Title of the action",
    "Sector",
    "Area of intervention",
    "Policy instrument",
    "Origin of the action",
    "Responsible body",
    "Implementation start",
    "Implementation end",
    "Implementation status",
    "Estimated implementation costs (EUR)",
    "Estimated energy savings (MWh/a)",
    "Estimated renewable energy production (MWh/a)",
    "Estimated CO2 reduction (t CO2/a)",
]


def areas_of(sector_code):
    return [c.label for c in categories.AREAS if categories.sector_of_area(c.code) == sector_code]


def test_the_sectors_areas_instruments_and_statuses_are_the_guidelines():
    assert [c.label for c in categories.SECTORS] == SECTORS
    for building in ("municipal_buildings", "tertiary_buildings", "residential_buildings"):
        assert areas_of(building) == BUILDING_AREAS
    assert areas_of("transport") == TRANSPORT_AREAS
    assert areas_of("local_electricity") == LOCAL_ELECTRICITY_AREAS
    assert areas_of("industry") == INDUSTRY_AREAS
    assert areas_of("local_heat_cold") == LOCAL_HEAT_COLD_AREAS
    assert areas_of("public_lighting") == PUBLIC_LIGHTING_AREAS
    assert areas_of("others") == OTHERS_AREAS
    assert [c.label for c in categories.POLICY_INSTRUMENTS] == POLICY_INSTRUMENTS
    assert [c.label for c in categories.STATUSES] == STATUSES
    assert [c.label for c in categories.ORIGINS] == ORIGINS


def test_the_columns_are_the_templates_in_its_order():
    assert [heading for _key, heading in categories.COLUMNS] == COLUMNS


def test_every_column_but_costs_and_estimated_effects_is_required():
    keys = [key for key, _heading in categories.COLUMNS]
    estimates = {"costs", "energy_savings", "renewable_production", "emission_reduction"}
    assert list(categories.REQUIRED_COLUMNS) == [k for k in keys if k not in estimates]


def test_codes_are_unique_in_each_list():
    for choices in categories.CHOICES.values():
        codes = [c.code for c in choices]
        assert len(codes) == len(set(codes))
