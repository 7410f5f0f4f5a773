"""Every named claim rule, each with sentences from at least three wars (written by the
project; real facts, our own words). A case gives the text, the claims expected as
(quantity, category, value, source) and the rule whose name must be on the row.

The last tests check that every rule of the ordered rule lists has cases here.
"""

from datetime import date

import pytest

from sitrep.extract.claims.attribution import SENTENCE_RULES
from sitrep.extract.claims.candidates import FIGURE_RULES
from sitrep.extract.claims.category import CATEGORY_RULES
from sitrep.extract.claims.quantity import QUANTITY_RULES

pytestmark = pytest.mark.slow

ANY = object()  # a source the case does not check


def _run(extract_text, text):
    return extract_text(text, published=date(2024, 6, 1)).claims


def _check(extract_text, text, expected, rule):
    claims = _run(extract_text, text)
    got = [(c.quantity, c.category, c.value, c.source) for c in claims]
    assert len(got) == len(expected), (got, [c.rule for c in claims])
    for (q, cat, v, src), (eq, ecat, ev, esrc) in zip(got, expected):
        assert (q, cat, v) == (eq, ecat, ev), (got, [c.rule for c in claims])
        if esrc is not ANY:
            assert src == esrc, (got, [c.rule for c in claims])
    if rule:
        assert any(rule in c.rule for c in claims), [c.rule for c in claims]


FIGURE_CASES = {
    "count_given_as": [
        # a count given "as" a figure, its people in the "number of" phrase (Bangladesh, Nigeria, Kashmir-like)
        ("The army spokesman in Dhaka gave the number of gunmen killed as five.", [("killed", "rebels", 5, ANY)]),
        ("Police in Kano gave the number of people arrested as 120.", [("detained", "total", 120, ANY)]),
        ("The ministry in Srinagar listed the number of displaced families as 300.", []),
    ],
    "casualty_noun_is": [
        # a casualty noun as the subject, the figure its count (Saudi-Houthi 2009, Falklands,
        # Ogaden): "number" here is a verb, no label
        ("A: Our martyrs number 73.", [("killed", "total", 73, None)]),
        ("The wounded are 470, and most of them have returned to their units.", [("injured", "total", 470, None)]),
        ("The dead number at least 40, the army said.", [("killed", "total", 40, "government")]),
        # ... people of no casualty are no count of one
        ("The soldiers are 40 km from the town.", []),
    ],
    "figure_label": [
        # a table's rows turned into sentences: a casualty noun leads a longer label
        # (Sierra Leone, Sudan, Ukraine-like NGO reports); no speaker "Killings"
        ("Killings recorded in Kissy and Kissy Mess Mess: 1,204.", [("killed", "total", 1204, None)]),
        ("Abductions recorded in North Darfur: 1,800.", [("detained", "total", 1800, None)]),
        ("Injuries recorded in Kharkiv region: 312.", [("injured", "total", 312, None)]),
        ("Killed: 86. Wounded: 240.", [("killed", "total", 86, None), ("injured", "total", 240, None)]),  # fact box
        ("Displaced: 12,500", [("displaced", "total", 12500, None)]),
        ("Detained: 37", [("detained", "total", 37, None)]),
    ],
    "not_a_count": [  # no claim at all
        # the two parties to a war or a talk are no count (Honduras-El Salvador 1969, Eritrea, India-China-like)
        ("The border war between the two Central American neighbours entered its fourth day.", []),
        ("Talks between the two governments broke down in Algiers.", []),
        # "one" of a moment is no count (Chile 1973, Bosnia, Ethiopia-like)
        ("At one point the convoy stopped near Adigrat.", []),
        ("At one stage the column halted outside Gorazde.", []),
        ("A 19-year-old soldier was among those hurt near Bakhmut.", []),  # Ukraine: an age
        ("The camp in North Darfur is home to some 500,000 people.", []),  # Sudan: a population
        ("The brigade, which has around 300 members, was accused of killing villagers.", []),  # Myanmar: a size
        ("Several others were injured when the shell hit Goma's market.", []),  # DRC: too vague
        # Nigeria: how many sources said it, not people counted
        ("Fighting raged near Maiduguri overnight, according to two security sources.", []),
        # a person's age closing the name's apposition (Egypt, Gaza, Sudan-like); a place's figure stays
        ("The dead included Sky News cameraman Mick Deane, 61.", []),
        ("Among the victims was the journalist Ahmed Saleh, 34, and two of his sons.", []),
        # an hour written after its number (Croatia 1995, Gaza, Sudan-like)
        ("The ministry said 156 had been wounded since the operation began at 5 a.m. on Friday.",
         [("injured", "total", 156, ANY)]),
        ("Shelling of Rafah started at 11 pm and 12 people were killed.", [("killed", "total", 12, None)]),
        ("The RSF attack on El Fasher began at 4 o'clock.", []),
        # a short title with its dot before the name (Congo 1964, Kenya, Kashmir-like)
        ("One of the dead was Dr. Paul Carlson, 36, an American medical missionary.", []),
        ("Among those killed was Sgt. Ahmed Yusuf, 24, of the Kenya Defence Forces.", []),
        ("The dead included Mr. Ghulam Nabi, 45, a shopkeeper in Srinagar.", []),
        ("Deaths by town: in Gaza City, 120, and in Rafah, 45.",
         [("killed", "total", 120, None), ("killed", "total", 45, None)]),
        # "every single one of these deaths" counts no one (Kenya, Ukraine-like)
        ("The government deeply regrets every single one of these deaths in Kisumu.", []),
        # a day is written in digits: a number word after a date counts (Gaza 2009, Iraq, Ukraine-like)
        ("Since 27 December four Israelis have been killed by rockets fired from Gaza.",
         [("killed", "total", 4, None)]),
        ("On 3 May two soldiers were killed near Tal Afar.", [("killed", "government", 2, None)]),
        ("On 29 September the army said 12 soldiers had been killed near Izium.", [("killed", "government", 12, ANY)]),
    ],
    "too_many_people": [  # beyond the world's population: never a claim, whatever its label
        ("Killed: 99,999,999,999,999,999,999", []),  # a fact box of garbage
        ("The monitor said 20,000,000,000 people had fled the fighting in Sudan.", []),  # Sudan
        ("Ukraine's army said 12345678901 Russian soldiers had been killed near Bakhmut.", []),  # Ukraine: an id
    ],
    "subset_condition": [  # a subset of people already counted, by condition or shelter: no claim
        # a part of the dead by a named town is a claim, a part in a named hospital is none
        # (Kazakhstan 2022, Kenya, Sudan-like)
        ("The ministry said 160 people were killed. It said 70 of the dead were in Almaty.",
         [("killed", "total", 160, ANY), ("killed", "total", 70, ANY)]),
        ("Officials said 300 people were wounded; 40 of the wounded are in Kenyatta hospital.",
         [("injured", "total", 300, ANY)]),
        ("Doctors in Khan Younis said 10 of the wounded are critical.", []),
        ("Some 4,000 of the displaced are in shelters in Gedaref, the UN said.", []),
        ("Five of the injured remain in intensive care in Kharkiv.", []),
        # where part of a group named before shelters (Philippines, Haiti)
        ("Some 200,000 people fled Marawi. Of these, some 21,000 people are staying in evacuation centres.",
         [("displaced", "total", 200000, None)]),
        ("About 6,300 residents fled Pont-Sonde. Of them, 2,000 are living with relatives.",
         [("displaced", "total", 6300, None)]),
    ],
    "died_behind_a_raise": [  # wounded who died since are why a toll grew, counted in it (Pakistan, Borneo, Tunisia-like)
        ("The governor raised the death toll to 14, saying three of the wounded had died in Bannu.",
         [("killed", "total", 14, ANY)]),
        ("The army raised the number of soldiers killed at Kapit to six after one of the wounded died.",
         [("killed", "government", 6, ANY)]),
        ("The toll passed from 20 to 22 on Sunday, after two of the injured died in Sfax.",
         [("killed", "total", 20, ANY), ("killed", "total", 22, ANY)]),
        # with no toll raised, they are a figure of their own
        ("Doctors said 57 of the wounded died in hospital in Goma.", [("killed", "total", 57, ANY)]),
    ],
    "losses_brought_to": [
        # a side's losses raised to a total are deaths of the side counted before (Ukraine,
        # Yemen, Ethiopia-like daily tallies)
        ("Ukraine's defence ministry said Russia lost 540 troops in a day, bringing its total losses since "
         "February 2022 to 624,150.", [("killed", "government", 540, ANY), ("killed", "government", 624150, ANY)]),
        ("The Houthis said they killed 30 Saudi soldiers, bringing Saudi losses this month to 400.",
         [("killed", "government", 30, ANY), ("killed", "government", 400, ANY)]),
        ("The TPLF said 200 federal soldiers died on Monday, bringing the army's losses to 3,000.",
         [("killed", "government", 200, ANY), ("killed", "government", 3000, ANY)]),
    ],
    "where_they_died": [
        # where the dead died splits the figure by condition, no claim (Turkey 2015, Somalia, Pakistan)
        ("The health minister says 86 people have lost their lives: 62 at the scene and 24 in hospital.",
         [("killed", "total", 86, ANY)]),
        ("The blast killed 30 people, 21 at the scene and nine in hospital, police said.",
         [("killed", "total", 30, ANY)]),
        ("The bombing killed 12 people, seven on the spot, officials said.", [("killed", "total", 12, ANY)]),
    ],
    "counted_things": [
        # a figure after "the" before a plural of things counts no people (Egypt 1970, Syria)
        ("Egyptian losses included the crews of the two torpedo boats.", []),
        ("Shelling hit the three villages and killed 12 people.", [("killed", "total", 12, None)]),
        ("Drones struck the two depots in Crimea overnight.", []),
    ],
    "figure_from_to": [
        ("The death toll from the strike on Chernihiv rose from 14 to 17, officials said.",
         [("killed", "total", 14, ANY), ("killed", "total", 17, ANY)]),
        ("The toll in the Rafah strike climbed from 35 to 45.", [("killed", "total", 35, None), ("killed", "total", 45, None)]),
        ("The number of people displaced from El Fasher went from 40,000 to 55,000 in a week.",
         [("displaced", "total", 40000, None), ("displaced", "total", 55000, None)]),
    ],
    "figure_up_from": [
        ("Police said 200 rebels had been arrested in Santo, up from 93 announced last week.",
         [("detained", "rebels", 200, ANY), ("detained", "rebels", 93, ANY)]),
        ("The Kyrgyz health ministry raised the toll to 46, up from 24 on Friday.",
         [("killed", "total", 46, ANY), ("killed", "total", 24, ANY)]),
        ("UNHCR said 4,000 Sudanese had crossed into Chad, down from an earlier estimate of 6,000.",
         [("displaced", "total", 4000, ANY), ("displaced", "total", 6000, ANY)]),
    ],
    "part_of_whole": [
        ("Officials say 6,000 of the town's estimated 9,000 residents have fled.", [("displaced", "total", 6000, ANY)]),
        ("Some 300 of the camp's 1,200 inmates escaped during the attack.", [("released", "prisoners", 300, None)]),
        ("About 40 of the village's 250 inhabitants were killed in the raid.", [("killed", "civilians", 40, None)]),
    ],
    "family_of": [
        # a family of N killed: its members, civilians (Lebanon, Gaza, Ukraine)
        ("Police said an air raid on a house in Nabatiyeh killed a family of six.", [("killed", "civilians", 6, ANY)]),
        ("A strike on Rafah killed an entire family of eight, the ministry said.", [("killed", "civilians", 8, ANY)]),
        ("A missile hit a block of flats in Odesa, killing a family of five.", [("killed", "civilians", 5, ANY)]),
    ],
    "people_noun_after": [
        # a word that doubts who they are is no distance to the noun (Brazil 2025, Mexico, Philippines-like)
        ("Police killed 64 people, 60 of them suspected gang members.",
         [("killed", "total", 64, ANY), ("killed", "rebels", 60, ANY)]),
        # military units are no people (Vietnam 1965, Rwanda-Congo, Falklands-like)
        ("American officers believe three North Vietnamese regiments have moved into the western highlands.", []),
        ("Two battalions of Rwandan troops crossed into Congo, the UN said.", []),
        ("The brigade lost 40 soldiers killed and three companies were overrun.", [("killed", "government", 40, ANY)]),
        # a spelled number ends the search for this figure's noun: it counts its own (Pakistan,
        # Yemen-like)
        ("A mortar shell hit a house in Kanju, killing five members of one family including three women.",
         [("killed", "civilians", 5, None), ("killed", "civilians", 3, None)]),
        ("The strike killed seven members of one family, two of them children, in Taiz.",
         [("killed", "civilians", 7, None), ("killed", "civilians", 2, None)]),
        # a casualty verb right after the figure says what befell them, not a noun after it
        # (Afghanistan, Sudan, Ukraine-like)
        ("MSF says its trauma centre has treated 296 wounded, and 9 died of their injuries after arriving.",
         [("injured", "total", 296, ANY), ("killed", "total", 9, ANY)]),
        ("Nine died of their wounds in hospital in El Obeid.", [("killed", "total", 9, None)]),
        ("Twelve died of their injuries in Kharkiv overnight.", [("killed", "total", 12, None)]),
        ("Russian shelling killed four civilians in Kherson on Sunday.", [("killed", "civilians", 4, None)]),
        ("The strike killed 12 health workers in Gaza.", [("killed", "civilians", 12, None)]),
        ("Gunmen abducted 37 students from a school in Kaduna.", [("detained", "civilians", 37, None)]),
        # the names a side gives its enemies and coup-makers (Nicaragua 1983, Burundi 2015, Rhodesia 1977)
        ("The communique said 19 \"counter-revolutionaries\" had been killed near Pantasma.",
         [("killed", "rebels", 19, None)]),
        ("The government said 17 mutineers had been arrested in Bujumbura.", [("detained", "rebels", 17, ANY)]),
        ("Security forces killed 23 terrorists and 14 of their collaborators.",
         [("killed", "rebels", 23, None), ("killed", "total", 14, None)]),
    ],
    "shared_noun": [
        ("Twelve Ethiopian and 3 Eritrean soldiers were killed near Adigrat.",
         [("killed", "government", 12, None), ("killed", "government", 3, None)]),
        ("The deal freed 50 Israeli and 23 Thai hostages.", [("released", "total", 50, None), ("released", "total", 23, None)]),
        ("Some 200 Malian and 40 Russian fighters died in the ambush.",
         [("killed", "combatants", 200, None), ("killed", "combatants", 40, None)]),
    ],
    "after_casualty_verb": [
        # "and captured seven," continues the people before (LRA, Sudan-like)
        ("The joint forces have killed 25 LRA fighters and captured seven, among them two commanders.",
         [("killed", "rebels", 25, None), ("detained", "rebels", 7, None), ("detained", "rebels", 2, None)]),
        ("The drone strike killed 7 civilians and wounded 19 near Sumy.",
         [("killed", "civilians", 7, None), ("injured", "civilians", 19, None)]),
        ("The RSF attack killed 40 villagers and injured 60 in Al Jazirah.",
         [("killed", "civilians", 40, None), ("injured", "civilians", 60, None)]),
        ("Airstrikes killed 9 and wounded 31 in Sagaing.", [("killed", "total", 9, None), ("injured", "total", 31, None)]),
        # a figure in quotes after the verb (Bangladesh 1971-like)
        ('The broadcast said troops had killed "more than 3,000" since March.',
         [("killed", "total", 3000, ANY)]),
    ],
    "casualty_word_after": [
        ("Floods of refugees followed the fighting in Sudan: 412 dead and 800 wounded in a week.",
         [("killed", "total", 412, None), ("injured", "total", 800, None)]),
        ("The army said 22 militants were killed and 9 captured in Borno.",
         [("killed", "rebels", 22, ANY), ("detained", "rebels", 9, ANY)]),
        ("Police reported 14 dead in the Port-au-Prince shootout.", [("killed", "total", 14, "Haitian National Police")]),
    ],
    "forced_to_leave": [
        ("Gang attacks in Haiti forced more than 3,000 to flee Cabaret.", [("displaced", "total", 3000, None)]),
        ("The offensive forced 150,000 people to leave their homes in eastern Congo.",
         [("displaced", "total", 150000, None)]),
        ("Shelling forced some 2,000 to leave Vovchansk.", [("displaced", "total", 2000, None)]),
    ],
    "toll_noun_before": [
        ("The death toll in Khan Younis has reached 31.", [("killed", "total", 31, None)]),
        ("The toll from the Odesa strike stood at 21 on Friday.", [("killed", "total", 21, None)]),
        ("By evening the death toll in Wad Madani was 124.", [("killed", "total", 124, None)]),
    ],
    "running_total": [
        # a participle right after the count noun names what it counts (India-China 2020, Mali, Ukraine-like)
        ("Shelling overnight brought the number killed in action to 23.", [("killed", "total", 23, None)]),
        ("The new raids brought the number wounded since Friday to 140.", [("injured", "total", 140, None)]),
        ("The raids took the number detained in Gao to 85, police said.", [("detained", "total", 85, ANY)]),
        ("The new arrivals bring the total number of internally displaced persons in Ingushetia to 172,000.",
         [("displaced", "total", 172000, None)]),  # Chechnya
        ("That brings to 11 the number of US troops killed since the offensive began.",
         [("killed", "government", 11, None)]),  # Iraq
        ("The release brought the number of freed hostages to 346.", [("released", "total", 346, None)]),  # Pakistan
        ("Fighting displaced 5,000 more people, bringing the number of displaced to 26,000.",
         [("displaced", "total", 5000, None), ("displaced", "total", 26000, None)]),  # Iraq        # a possessive before the count ("raised its count of"): Tibet 2008, Myanmar, Nigeria-like
        ("The exile administration raised its count of Tibetans killed to 99.", [("killed", "total", 99, ANY)]),
        ("The monitor raised its count of people detained to 4,300.", [("detained", "total", 4300, ANY)]),
    ],
    "revised_from": [
        ("Police on Monday revised the number of people killed in the attack from 52 to 47.",
         [("killed", "total", 52, ANY), ("killed", "total", 47, ANY)]),  # Norway 2011
        ("The ministry lowered its count of the dead from 120 to 95, officials said.",
         [("killed", "total", 120, ANY), ("killed", "total", 95, ANY)]),  # Kenya 2013
        ("The army corrected the number of soldiers missing from 40 to 28.",
         [("missing", "government", 40, ANY), ("missing", "government", 28, ANY)]),  # Sri Lanka
    ],
    "number_of_is": [
        ("The commission found that the number of people who died in the conflict is 69,280.",
         [("killed", "total", 69280, ANY)]),  # Peru
        ("The number of displaced people stood at 1.2 million in March.", [("displaced", "total", 1200000, None)]),  # Sudan
        ("The number of soldiers killed in the offensive was 412.", [("killed", "government", 412, None)]),  # Ukraine
    ],
    "count_put_at": [
        # the count raised or revised "to" a figure (Colombia 1998, Mali, Kashmir-like)
        ("Police first said 30 officers had been captured; on Monday the force raised that figure to 52.",
         [("detained", "government", 30, ANY), ("detained", "government", 52, ANY)]),
        ("The army said 12 soldiers were missing, then revised its count to 19.",
         [("missing", "government", 12, ANY), ("missing", "government", 19, ANY)]),
        # the count put higher or lower than the one before (Chile 1973, Algeria 1990s, Sri Lanka-like)
        ("The state commission says 1,100 people remain missing. A relatives' group puts the number higher, at 1,400.",
         [("missing", "total", 1100, ANY), ("missing", "total", 1400, ANY)]),
        ("Rebels said 300 soldiers were killed in the ambush; the ministry puts the toll far lower, at 40.",
         [("killed", "government", 300, ANY), ("killed", "total", 40, ANY)]),
        # another estimate "of" the count before (Iran-Iraq 1980, Darfur-like)
        ("Iran's Red Crescent said 250,000 people had fled the province. Relief officials in Ahvaz gave a "
         "lower estimate of 180,000 for those who fled.", [("displaced", "total", 250000, ANY), ("displaced", "total", 180000, ANY)]),
        # another claimant's count of the people the clause before counted (Algeria, Syria, Sudan)
        ("Diplomats say more than 60,000 people have been killed; the government puts the figure at 26,000.",
         [("killed", "total", 60000, ANY), ("killed", "total", 26000, ANY)]),
        ("Activists say 500 were killed in Douma, but the army puts the number at 120.",
         [("killed", "total", 500, ANY), ("killed", "total", 120, ANY)]),
        ("More than 300,000 have fled El Geneina; the governor put his estimate at 200,000.",
         [("displaced", "total", 300000, ANY), ("displaced", "total", 200000, ANY)]),
    ],
    "level_verb": [
        ("The number of people displaced in the province has climbed to 115,000.", [("displaced", "total", 115000, None)]),
        ("The number of detained protesters in Yangon rose to 600.", [("detained", "civilians", 600, None)]),
        ("The number of people killed in the Sahel attack reached 70.", [("killed", "total", 70, None)]),
        # "the number of" far back still opens the count (Tunisia 2016, Ukraine, Sudan-like); a
        # number of things is none
        ("The number of terrorists killed in the failed attack of Monday against the city of Ben Guerdane "
         "has reached 46, according to the Interior Ministry.", [("killed", "rebels", 46, ANY)]),
        ("The number of people displaced by the fighting in the north and the east of the country since "
         "the start of the year has reached 1,200.", [("displaced", "total", 1200, None)]),
        ("The number of checkpoints set up along the road between the capital and the city of El Obeid "
         "has reached 46.", []),
    ],
    "toll_set_to": [
        # a verb that sets the death toll "to" a figure, however long what the toll is of
        # (Burkina Faso, Iraq, Somalia-like); another toll says no one kind
        ("The government has raised the death toll from Sunday's raid on the market town of Djibo to 63.",
         [("killed", "total", 63, ANY)]),
        ("Officials revised the death toll from the car bomb outside the ministry in central Baghdad to 41.",
         [("killed", "total", 41, ANY)]),
        ("The health ministry brought the toll of the attack on the hotel near the airport in Mogadishu to 19.",
         [("killed", "total", 19, ANY)]),
        ("The army lifted its casualty toll from the ambush on the convoy near Gao to 30.", []),
    ],
    "death_toll_subject": [
        # a death toll opening its clause, its level verb far after it (Turkey 1978, Mali, Sudan-like);
        # another figure between stops it
        ("The death toll from a week of sectarian fighting in the southeastern Turkish city of "
         "Kahramanmaras has risen to 106.", [("killed", "total", 106, None)]),
        ("The toll of the attack on the crowded market of the northern town of Kidal has risen to 31.",
         [("killed", "total", 31, None)]),
        ("The death toll from the fighting around the besieged city of El Fasher in North Darfur state "
         "has risen to 782, according to the ministry.", [("killed", "total", 782, ANY)]),
    ],
    "part_by_place": [
        # the first of a list of places with hedged figures in brackets takes the sentence's own
        # casualty word (Catatumbo 2025, Cabo Delgado, Darfur-like)
        ("OCHA estimates that displaced people have reached Tame (about 9,000), Saravena (nearly 4,000) and Arauca (more than 2,000).",
         [("displaced", "total", 9000, ANY), ("displaced", "total", 4000, ANY), ("displaced", "total", 2000, ANY)]),
        ("The IOM says displaced families are sheltering in Montepuez (some 6,100) and Ancuabe (about 2,300).",
         [("displaced", "total", 6100, ANY), ("displaced", "total", 2300, ANY)]),
        # a part of the figure before it by where its people went, after "including" or
        # "includes" (Mali 2012, South Sudan, Libya-like)
        ("The agency said 150,000 people had fled the north, including about 60,000 who crossed into Niger.",
         [("displaced", "total", 150000, ANY), ("displaced", "total", 60000, ANY)]),
        ("Some 90,000 people have been displaced, the UN says, including 30,000 who fled to Uganda.",
         [("displaced", "total", 90000, ANY), ("displaced", "total", 30000, ANY)]),
        ("About 200,000 people have crossed the borders, a total that includes 120,000 into Tunisia "
         "and 70,000 into Egypt, the IOM said.",
         [("displaced", "total", 200000, ANY), ("displaced", "total", 120000, ANY), ("displaced", "total", 70000, ANY)]),
        # figures in brackets after the places of a list are parts by place (Mozambique,
        # Sudan-like); a year in brackets is none
        ("IOM recorded 11,100 people who fled Palma. They arrived in Mueda (3,800), Montepuez (1,500) and Pemba (3,200).",
         [("displaced", "total", 11100, "IOM"), ("displaced", "total", 3800, "IOM"), ("displaced", "total", 1500, "IOM"),
          ("displaced", "total", 3200, "IOM")]),
        ("Some 25,000 people fled El Geneina, the UNHCR said. Most reached Adre (15,000) and Koufroun (6,000).",
         [("displaced", "total", 25000, "UNHCR"), ("displaced", "total", 15000, "UNHCR"),
          ("displaced", "total", 6000, "UNHCR")]),
        ("The war began in Darfur (2003) and in Kordofan (2011), the report said.", []),
        # "have arrived in" a named state: where part of those who fled went (Burundi, Sudan-like)
        ("More than 40,000 people have fled Khartoum. Of these, 12,000 have arrived in Chad and 8,000 in Egypt.",
         [("displaced", "total", 40000, None), ("displaced", "total", 12000, None),
          ("displaced", "total", 8000, None)]),
        ("More than 800,000 Kosovo Albanians have fled the province, the UNHCR said. Of these, 444,000 are in "
         "Albania and 247,000 in Macedonia.", [("displaced", "total", 800000, "UNHCR"), ("displaced", "total", 444000, "UNHCR"),
                                             ("displaced", "total", 247000, "UNHCR")]),  # Kosovo
        ("At least 1,200 people were killed in the offensive. Of them, 700 were in Khan Younis and 300 in Rafah.",
         [("killed", "total", 1200, None), ("killed", "total", 700, None), ("killed", "total", 300, None)]),  # Gaza
        # a condition or a shelter is no place: a subset already counted (Sudan)
        ("Some 90,000 people have been displaced in Darfur. Of these, 40,000 are in shelters.",
         [("displaced", "total", 90000, None)]),
    ],
    "colon_list": [
        ("Bodies were found in morgues: 37 in Khartoum and 12 in Omdurman.",
         [("killed", "total", 37, None), ("killed", "total", 12, None)]),
        ("Detainees were freed in two towns: 120 in Homs and 80 in Hama.",
         [("released", "prisoners", 120, None), ("released", "prisoners", 80, None)]),
        ("Civilians killed this week: 14 in Kharkiv, 9 in Odesa.",
         [("killed", "civilians", 14, None), ("killed", "civilians", 9, None)]),
    ],
    "figure_ellipsis": [
        ("The ministry said 3,100 were wounded in Gaza and 540 in the West Bank.",
         [("injured", "total", 3100, ANY), ("injured", "total", 540, ANY)]),
        ("The UN said 30,000 people fled in May and 12,000 in June.",
         [("displaced", "total", 30000, ANY), ("displaced", "total", 12000, ANY)]),
        ("Officials said 80 soldiers were killed in Donetsk and 25 in Luhansk.",
         [("killed", "government", 80, ANY), ("killed", "government", 25, ANY)]),
    ],
}

QUANTITY_CASES = {
    "then_released": [
        # people taken, then freed by a joined verb, are also released (Ecuador 2019, DR Congo, Ukraine-like)
        ("Eight officers were abducted in Latacunga on Wednesday and released on Friday.",
         [("detained", "government", 8, None), ("released", "government", 8, None)]),
        ("Gunmen kidnapped 14 aid workers near Goma and released them two days later.",
         [("detained", "civilians", 14, None), ("released", "civilians", 14, None)]),
        ("Twenty soldiers were captured near Kupiansk and later freed in a prisoner exchange.",
         [("detained", "government", 20, None), ("released", "government", 20, None)]),
        # ... or by a clause on the captives (Bolivia 1967, Mali-like)
        ("The guerrillas killed seven soldiers in the ambush and took fourteen prisoners, who were later freed.",
         [("killed", "government", 7, None), ("detained", "government", 14, None), ("released", "government", 14, None)]),
        ("Jihadists ambushed a convoy near Boulkessi, killed 12 soldiers and took 9 prisoners, who were released in May.",
         [("killed", "government", 12, None), ("detained", "government", 9, None), ("released", "government", 9, None)]),
        # ... not when the joined verb has its own figure
        ("Police arrested 40 people in Lome and released 12 of them.",
         [("detained", "total", 40, None), ("released", "total", 12, None)]),
    ],
    "agents_of_the_act": [
        # the active subject of a deed done to an object acted (Peru 1996, Nigeria, Mali)
        ("Fourteen members of the MRTA seized the residence of the ambassador.", []),
        ("Five gunmen killed 12 villagers near Zamfara.", [("killed", "civilians", 12, None)]),
        ("Twenty soldiers arrested the mayor of Gao.", []),
    ],
    "fleeing_clause": [
        # people who went somewhere, fleeing, are displaced (Congo, Sudan, Tunisia 1943)
        ("Some 3,000 villagers arrived in Goma, fleeing the fighting.", [("displaced", "total", 3000, None)]),
        ("About 5,000 people reached Adre, fleeing the shelling.", [("displaced", "total", 5000, None)]),
        ("Twelve soldiers were killed, fleeing the ambush.", [("killed", "government", 12, None)]),
    ],
    "agents_of_the_passive": [
        # people after a passive's "by" did the deed (the Pacific 1945, Mali, Nigeria)
        ("The island was held by an estimated 20,000 troops.", []),
        ("Gao was held by some 3,000 jihadists until January.", []),
        ("The village was attacked by a band of 40 gunmen and two deserters.", []),
        ("Twelve villagers were killed by three gunmen in Zamfara.", [("killed", "civilians", 12, None)]),
    ],
    "sent_to_act": [
        # people sent to do a deed to others are its agents (the Philippines, Gaza, Sudan-like)
        ("The dead were among 300 police commandos flown in at night to arrest the militia leader.", []),
        ("The hostages were freed by 600 troops deployed overnight to rescue them from the tunnels.", []),
        ("More than 2,000 fighters mobilised to capture El Obeid have reached its outskirts.", []),
        # what befell them, when their own clause says it, stands (Mexico-like)
        ("Police said 40 soldiers sent to arrest the cartel leader were killed in the ambush.",
         [("killed", "government", 40, ANY)]),
    ],
    "wounded_then_killed": [
        # wounded people shot dead are killed (South Africa 1994, Kenya, Syria-like)
        ("Three wounded soldiers were shot dead by a policeman in Mmabatho.", [("killed", "government", 3, None)]),
        ("Two injured civilians died in hospital in Nairobi.", [("killed", "civilians", 2, None)]),
        ("Four wounded rebels were executed near Idlib.", [("killed", "rebels", 4, None)]),
    ],
    "speakers": [
        # people who speak are no count of what they tell (Darfur, Ukraine, Gaza)
        ("One survivor said 11 members of his family were killed in Tawila.", [("killed", "civilians", 11, ANY)]),
        ("Two witnesses told AFP that 30 people were killed in Bucha.", [("killed", "total", 30, ANY)]),
        ("Three doctors said 40 patients died in Khan Younis.", [("killed", "civilians", 40, ANY)]),
    ],
    "single_victim": [
        # an adverb before a victim's own verb (Somalia 1993, Lebanon, Kashmir-like)
        ("A Pakistani soldier also died when the convoy came under fire.", [("killed", "government", 1, None)]),
        ("A policeman later died of his wounds in Srinagar.", [("killed", "government", 1, None)]),
        # a single victim described by a nationality or a trade (Mali, Nigeria, Ukraine-like)
        ("A French helicopter pilot was killed on Friday near Mopti.", [("killed", "government", 1, None)]),
        ("An aid worker was killed in Maiduguri on Monday.", [("killed", "civilians", 1, None)]),
        ("A Ukrainian volunteer lost his life near Bakhmut.", [("killed", "combatants", 1, None)]),
        ("The killing of its photographer in Gaza drew condemnation.", [("killed", "civilians", 1, None)]),
        ("The abduction of a nurse in Kidal was confirmed on Monday.", [("detained", "civilians", 1, None)]),
        ("The wounding of a Reuters cameraman near Avdiivka was filmed.", [("injured", "civilians", 1, None)]),
    ],
    "partitive_change": [
        # part of a group that "had" wounds was hurt (Iraq 1991, Sudan, Gaza-like)
        ("Red Crescent officials at the Mehran crossing said 62 of the new arrivals had gunshot wounds.",
         [("injured", "total", 62, ANY)]),
        ("Doctors in Adre said 40 of the refugees had shrapnel injuries.", [("injured", "civilians", 40, ANY)]),
        ("Doctors said 57 of the wounded died in hospital in Fallujah.", [("killed", "total", 57, "Doctors")]),  # Iraq
        ("Officials said 37 of the freed passengers were wounded in Bolan.",
         [("injured", "civilians", 37, ANY)]),  # Pakistan
        ("Three of the abducted students were killed in Kaduna, police said.",
         [("killed", "civilians", 3, ANY)]),  # Nigeria
        ("Some 2,000 of the displaced have returned to Bakhmut.", [("displaced", "total", 2000, None)]),  # Ukraine
    ],
    "whole_of_a_part": [
        # the verb befalls the part, not the whole after it (West Germany 1972, Mali, Philippines-like)
        ("The interior minister said five of the eight gunmen were killed at the airfield.",
         [("killed", "rebels", 5, ANY)]),
        ("Three of the 40 soldiers in the convoy were killed near Gao, the army said.",
         [("killed", "government", 3, ANY)]),
        ("Officials said seven of the twelve teachers held in Sulu were freed.",
         [("released", "civilians", 7, ANY)]),
    ],
    "harmed_displaced": [
        # a verb that kills or wounds displaced people says what befell them (Biafra 1969,
        # Sudan, Gaza-like; uprooted people harmed are civilians: category rule uprooted_harmed);
        # a verb that only houses them keeps their flight
        ("Jets strafed the road on Wednesday, killing 17 refugees, the radio said.",
         [("killed", "civilians", 17, ANY)]),
        ("Shelling on the camp wounded 30 displaced people, the UN said.", [("injured", "civilians", 30, ANY)]),
        ("The tanks fired on a convoy, killing 12 evacuees near the crossing, witnesses said.",
         [("killed", "civilians", 12, ANY)]),
        ("The school now shelters 3,000 refugees, the UN said.", [("displaced", "total", 3000, ANY)]),
        # displaced people who died (Karabakh 1993, Kosovo 1999-like)
        ("A nurse said 16 refugees, five of them children, had died of exposure on the mountain pass.",
         [("killed", "civilians", 16, ANY), ("killed", "civilians", 5, ANY)]),
        ("The aid group said nine elderly refugees had died at the border crossing overnight.",
         [("killed", "civilians", 9, ANY)]),
    ],
    "death_toll_rose_to": [
        # a death toll opening its clause is what its people were, however far its level verb
        # (Niger 2019, Pakistan, Colombia-like)
        ("The death toll from Tuesday's attack on an army camp in the west of the country has risen to 71 soldiers, "
         "officials said.", [("killed", "government", 71, ANY)]),
        ("The death toll from the bombing of a police training centre on the edge of Quetta rose to 61 police "
         "cadets on Wednesday.", [("killed", "government", 61, None)]),
        ("The death toll from last month's assault by guerrillas on the river town of Mitu has reached 40 "
         "policemen, the force said.", [("killed", "government", 40, ANY)]),
    ],
    "part_then_verb": [
        # the verb after a part's whole befalls the part, the parse hanging it on the whole
        # (Colombia 1998, Bosnia, Sudan-like)
        ("About 1,200 of the town's estimated 4,000 inhabitants fled by boat, the Red Cross said.",
         [("displaced", "total", 1200, ANY)]),
        ("About 4,000 of the valley's 10,000 villagers fled across the mountains, the UNHCR said.",
         [("displaced", "total", 4000, ANY)]),
        ("Nearly 300 of the camp's 2,000 residents detained during the raid are still held, the police said.",
         [("detained", "civilians", 300, ANY)]),
    ],
    "own_noun": [
        ("The strikes caused 40 deaths and 130 injuries in Sanaa.",
         [("killed", "total", 40, None), ("injured", "total", 130, None)]),
        ("Aid groups counted 3,000 new arrivals in Adre.", [("displaced", "total", 3000, "Aid groups")]),
        ("Medics reported 9 fatalities after the shelling of Kramatorsk.", [("killed", "total", 9, ANY)]),
    ],
    "kept_in_hospital": [
        # patients kept in hospital are a part of the injured, not arrests (Gold Coast 1948,
        # Sri Lanka 2019, Kenya 2024); the wounded said so stay wounded, arrests stay arrests
        ("Of the injured, some 40 are still detained in hospital in Accra.", []),
        ("Around 150 of them remain held in the main hospital in Colombo.", []),
        ("Police in Nairobi said 40 protesters were detained in the city centre.", [("detained", "civilians", 40, ANY)]),
        ("Twelve wounded soldiers were held in the military hospital at Juba.", [("injured", "government", 12, ANY)]),
    ],
    "treated_for_injuries": [
        # people a hospital treats for wounds were hurt, whatever else their noun says (Zaire 1978,
        # South Sudan, Bangladesh); treated for an illness they were not
        ("Doctors in Brussels said they were treating 27 evacuees for gunshot and machete wounds.",
         [("injured", "civilians", 27, ANY)]),
        ("Medics at Lopiding treated 40 refugees for burns after the raid on the camp.", [("injured", "civilians", 40, ANY)]),
        ("The clinic in Cox's Bazar treated 300 refugees for malaria.", [("displaced", "total", 300, ANY)]),
        # the passive too (Uzbekistan 2005, DR Congo, Chad-like)
        ("A border guard spokesman said dozens of refugees were being treated for gunshot wounds.",
         [("injured", "civilians", None, ANY)]),
        ("Forty evacuees are being treated for shrapnel wounds in Goma, MSF said.", [("injured", "civilians", 40, ANY)]),
        # "others" after bodies a hospital received: treated, so hurt (Gaza, Sudan, Haiti-like)
        ("Doctors at Nasser hospital said they received six bodies and treated 30 others for shrapnel wounds.",
         [("killed", "total", 6, ANY), ("injured", "total", 30, ANY)]),
        ("The clinic in Tawila received four bodies on Monday and treated 19 others for gunshot wounds, MSF said.",
         [("killed", "total", 4, ANY), ("injured", "total", 19, ANY)]),
        ("Medics said they received two bodies and treated eleven more for bullet wounds in Delmas.",
         [("killed", "total", 2, ANY), ("injured", "total", 11, ANY)]),
    ],
    "treated_in_hospital": [
        # people treated in a hospital or by medics were hurt (Uzbekistan, CAR, Iraq-like)
        ("Officially, 76 people were treated in the city's hospitals.", [("injured", "total", 76, None)]),
        ("It said another 200 people were being treated at the Amitie hospital.", [("injured", "total", 200, ANY)]),
        ("About 40 people were still being treated by army medics in Mosul.", [("injured", "total", 40, None)]),
    ],
    "inmates_walked_out": [
        # inmates who walk out of a prison are released (Kunduz 2015, Nepal 2002, the Gambia 1981)
        ("Officials now say about 600 inmates walked out of Kunduz prison after the Taliban stormed it.",
         [("released", "prisoners", 600, ANY)]),
        ("The Maoists emptied the district jail, and about 200 inmates walked out with them.",
         [("released", "prisoners", 200, None)]),
        # workers who walk out are on strike
        ("About 400 workers walked out of the factory.", []),
    ],
    "place_people_left": [
        # a place's people who leave flee it, though the parse hangs "left" on them (Fallujah,
        # Kargil, Dushanbe-like)
        ("Some 80,000 of the city's 120,000 residents left before the offensive began.",
         [("displaced", "total", 80000, None)]),
        ("Officials said 9,000 residents of Dras had already left.", [("displaced", "total", 9000, ANY)]),
        ("About 3,000 inhabitants have left since the shelling started, the mayor said.",
         [("displaced", "total", 3000, ANY)]),
    ],
    "prisoners_in_a_tally": [
        # prisoners listed with a fight's dead and wounded were taken (Goa 1961, Sinai 1967, Karabakh-like)
        ("Later accounts give 31 dead and about 3,400 prisoners.",
         [("killed", "total", 31, ANY), ("detained", "combatants", 3400, ANY)]),
        ("The army reported 12 dead, 40 wounded and 300 prisoners.",
         [("killed", "total", 12, ANY), ("injured", "total", 40, ANY), ("detained", "rebels", 300, ANY)]),
        ("Some 300 prisoners were killed in the jail.", [("killed", "prisoners", 300, ANY)]),
    ],
    "prisoners_taken": [
        # captives a side took are detained, not what a clause says came next (Bolivia 1967,
        # Somalia, Colombia-like)
        ("The fighters killed seven soldiers and took fourteen prisoners, who were later freed.",
         [("killed", "government", 7, ANY), ("detained", "government", 14, ANY), ("released", "government", 14, ANY)]),
        ("Al-Shabaab said it had captured 30 hostages in the raid on the hotel.", [("detained", "total", 30, ANY)]),
        ("Police freed 20 prisoners, who were taken to hospital.", [("released", "prisoners", 20, ANY)]),
    ],
    "taken_to_custody": [
        # people brought to a jail are detained; a camp is no jail (Mexico 1968, Iran, Congo-like)
        ("Police said about 900 students had been taken to the city jails.", [("detained", "civilians", 900, ANY)]),
        ("Guards took 60 protesters to Evin prison, their lawyers said.", [("detained", "civilians", 60, ANY)]),
        ("About 3,000 people were taken to a camp outside Goma.", []),
    ],
    "held_in_custody": [
        # people the main clause puts in custody are detained, whatever they did before (Ecuador
        # 2024, Haiti, Congo-like)
        ("Police said 31 inmates who had escaped from the Turi prison were back in custody.",
         [("detained", "prisoners", 31, ANY)]),
        ("The army said 200 fighters who surrendered near Goma are in detention.", [("detained", "rebels", 200, ANY)]),
        ("Some 45 gang members who fled the raid in Delmas are now in custody, police said.",
         [("detained", "rebels", 45, ANY)]),
    ],
    "prisoners_held": [
        # prisoners of war with no casualty word of their own were taken (Eritrea 1990, Korea
        # 1951, Ukraine-like); freed ones keep their own verb
        ("The front said about 3,000 prisoners had been marched to rear areas in the Sahel.",
         [("detained", "combatants", 3000, ANY)]),
        ("The command said 1,200 prisoners were moved south from Pyongyang by train.",
         [("detained", "rebels", 1200, ANY)]),
        ("Kyiv said 90 prisoners of war had been transferred to a camp near Lviv.",
         [("detained", "government", 90, ANY)]),
        ("The army said 300 prisoners were freed on Monday.", [("released", "prisoners", 300, ANY)]),
    ],
    "tally_segment": [
        # each segment of a tally takes the casualty word that closes it, which the parse hangs
        # on the last one (Sudan, Ukraine, Myanmar-like)
        ("Tally from the RSF: 60 soldiers and nine fighters dead, 25 fighters wounded.",
         [("killed", "government", 60, ANY), ("killed", "rebels", 9, ANY), ("injured", "rebels", 25, ANY)]),
        ("Overnight toll from the regional governor: three civilians and one rescuer dead, 11 civilians injured.",
         [("killed", "civilians", 3, ANY), ("killed", "civilians", 1, ANY), ("injured", "civilians", 11, ANY)]),
        ("Figures from the junta: 45 rebels and six soldiers dead, 30 soldiers wounded.",
         [("killed", "rebels", 45, ANY), ("killed", "government", 6, ANY), ("injured", "government", 30, ANY)]),
    ],
    "continued_passive": [
        ('"We lost seven soldiers and 11 others were wounded," the commander said in Galcad.',
         [("killed", "government", 7, ANY), ("injured", "government", 11, ANY)]),  # Somalia
        ("Four soldiers died and 12 others were injured in Kidal.",
         [("killed", "government", 4, None), ("injured", "government", 12, None)]),  # Mali
        ("Police killed three gunmen and five others were arrested in Jos.",
         [("killed", "rebels", 3, None), ("detained", "rebels", 5, None)]),  # Nigeria
    ],
    "taken_after": [
        # a bare figure after "and" with its own participle, which the parse hangs on the first
        # verb (Sierra Leone 1999, Guatemala, Chechnya-like)
        ("Peacekeepers said 200 rebels had been killed since Monday and 90 captured.",
         [("killed", "rebels", 200, ANY), ("detained", "rebels", 90, ANY)]),
        ("The war left 30,000 people dead and 8,000 disappeared across the province, monitors said.",
         [("killed", "total", 30000, ANY), ("missing", "total", 8000, ANY)]),
        ("The commander said 40 fighters were killed in the village and 15 wounded.",
         [("killed", "rebels", 40, ANY), ("injured", "rebels", 15, ANY)]),
        # "and 35 taken prisoner": the bare figure's own words (Bangladesh 1971, Dagestan 1999, Mali-like)
        ("In the Jessore sector alone 270 Indian soldiers were killed and 35 taken prisoner.",
         [("killed", "government", 270, None), ("detained", "government", 35, None)]),
        ("The press service said 17 militants were killed and five taken prisoner in Tando.",
         [("killed", "rebels", 17, ANY), ("detained", "rebels", 5, ANY)]),
        ("Two soldiers were killed and three taken hostage near Kidal.",
         [("killed", "government", 2, None), ("detained", "government", 3, None)]),
    ],
    "parse_link": [
        # people lost track of are missing, not dead (Congo 1997, South Sudan, Myanmar-like)
        ("The agency said 50,000 refugees had reached the camps. It had lost track of as many as 35,000 others.",
         [("displaced", "total", 50000, ANY), ("missing", "total", 35000, ANY)]),
        ("Aid groups registered 8,000 people in Bor, but lost track of 3,000 more who fled into the swamps.",
         [("missing", "total", 3000, ANY)]),
        ("Monks sheltered 900 villagers in Sagaing and lost track of 200 others in the fighting.",
         [("missing", "total", 200, ANY)]),
        # a participle that describes the people, then the passive that befell them, which the
        # parse leaves with no subject (Afghanistan 1998, Yemen, South Sudan)
        ("The Taliban say thousands of their fighters captured at that time were later executed.",
         [("killed", "prisoners", None, ANY)]),
        ("Twelve soldiers taken prisoner in the ambush near Marib were executed, the army said.",
         [("killed", "prisoners", 12, ANY)]),
        ("The rebels said 30 soldiers captured near Bentiu were later released.", [("released", "government", 30, ANY)]),
        # a figure's own clause says what befell it, not the clause it is joined to (Croatia,
        # Sudan-like); hostages who escape are released (Philippines)
        ("The Ministry of Health states that six civilians were killed in Karlovac and that 38 civilians were "
         "treated in hospitals.", [("killed", "civilians", 6, ANY), ("injured", "civilians", 38, ANY)]),
        ("Police say 19 hostages escaped or were rescued overnight in Zamboanga.", [("released", "total", 19, ANY)]),
        # people an armed force holds are captives; a camp's are not (Bosnia, Georgia, Sudan-like)
        ("Bosnian Serb forces were holding 32 Dutch peacekeepers at Bratunac.", [("detained", "government", 32, None)]),
        ("The rebels are holding 40 soldiers near El Fasher.", [("detained", "government", 40, None)]),
        ("The camp near Gedaref is holding 20,000 refugees.", [("displaced", "total", 20000, None)]),
        # five-word casualty phrases count ("forced out of their homes": Northern Ireland,
        # East Timor, Myanmar-like)
        ("An estimated 30,000 to 60,000 people were forced out of their homes in Belfast.",
         [("displaced", "total", None, None)]),
        ("About 100 thousand people who run away from their homes are still hiding near Dili.",
         [("displaced", "total", 100000, None)]),
        ("Some 5,000 people were driven out of their homes in Rakhine.", [("displaced", "total", 5000, None)]),
        # people rescued who were held captive are released (Nigeria, Colombia, Philippines-like)
        ("Troops also rescued 62 persons, mostly women and children, who were being held hostage by the terrorists.",
         [("released", "total", 62, None)]),
        ("Soldiers rescued 14 villagers who had been kidnapped near Cucuta.", [("released", "civilians", 14, None)]),
        ("Marines rescued 9 people who were held captive in Marawi.", [("released", "total", 9, None)]),
        # what a verb's object says befell its subject, not the verb it is joined to
        # (Nigeria, Kenya, Ukraine-like)
        ("Regrettably, 4 soldiers paid the supreme price and 17 others sustained injuries.",
         [("killed", "government", 4, None), ("injured", "government", 17, None)]),
        ("Three policemen suffered gunshot wounds in Garissa.", [("injured", "government", 3, None)]),
        ("Two Ukrainian soldiers sustained shrapnel wounds near Kupiansk.", [("injured", "government", 2, None)]),
        # captives rescued are released (Uganda, Mumbai-like); people pulled from rubble are not
        ("Our forces have also rescued 42 abductees in Garamba.", [("released", "civilians", 42, None)]),
        ("Commandos rescued 12 hostages from the hotel in Mumbai.", [("released", "total", 12, None)]),
        ("Rescue teams rescued 12 people from the rubble in Kharkiv.", []),
        ("Hundreds of inmates escaped from the prison in Goma.", [("released", "prisoners", None, None)]),
        ("More than 85,000 Armenians have left Nagorno-Karabakh.", [("displaced", "total", 85000, None)]),
        ("The fighting forced 20,000 people to abandon their villages in Rakhine.", [("displaced", "total", 20000, None)]),
    ],
    "parse_predicate": [
        ("Almost 1.7 million people, or three quarters of the population, are estimated to be internally displaced.",
         [("displaced", "total", 1700000, None)]),
        ("Around 200 people are now believed to have died in the Derna floods.", [("killed", "total", 200, None)]),
        ("Some 3,000 residents are reported to be missing in Mariupol.", [("missing", "civilians", 3000, None)]),
    ],
    "group_casualty_word": [
        ("Among the dead soldiers, 30 were conscripts and 12 were officers.",
         [("killed", "government", 30, None), ("killed", "government", 12, None)]),
        ("Of the dead, 15 were children.", [("killed", "civilians", 15, None)]),
        ("Among the victims were 8 aid workers from the UN agency.", [("killed", "civilians", 8, None)]),
        # a capitalised name holds no group (Chile, Argentina, Sri Lanka-like)
        ("The Association of Families of the Detained says 900 people were taken from their homes.", []),
    ],
    "casualties_named": [  # casualties with wounds are wounded; of no stated kind, no claim (Ghana, Lebanon-like)
        ("236 casualties with machete and gunshot wounds had been admitted to hospitals in Tamale.",
         [("injured", "total", 236, None)]),
        ("The clashes caused 40 casualties in Tamale.", []),
        ("About 80 casualties with gunshot wounds were brought to the hospital in Misrata.",
         [("injured", "total", 80, None)]),
    ],
    "mixed_casualties": [  # casualties of no one kind: no claim
        # "or" with a verb of its own joins two kinds too (Ivory Coast 2011, Guatemala, Bosnia-like)
        ("The charity said up to 800 people were killed or are missing in the town.", []),
        ("Since 1982, hundreds of villagers have disappeared or been killed, the parish says.", []),
        ("Relatives say 60 men were detained or were killed at the checkpoint.", []),
        ("At least 20 people were killed or wounded in the blast in Kabul.", []),
        ("Some 300 soldiers were killed or injured near Bakhmut, officials said.", []),
        ("The attack left 45 people dead or injured in Maiduguri.", []),
        # a list of three kinds lumped, as war ministries write it (Eritrea-Ethiopia, Ukraine)
        ('Eritrea had lost "more than 25,000 troops, killed, wounded or captured" in the offensive.', []),
        ("The army lost 300 soldiers, killed, wounded or missing, around Bakhmut.", []),
    ],
    "attackers": [
        # the subject of an attack whose participle kills counts the attackers (Afghanistan,
        # Mali, Nigeria-like); the participle's object is the toll
        ("Two suicide bombers and gunmen attacked crowds outside Kabul airport on Thursday, killing at least "
         "60 Afghans.", [("killed", "total", 60, None)]),
        ("Five gunmen stormed a hotel in Bamako, killing 20 people.", [("killed", "total", 20, None)]),
        ("About 300 militants attacked the base at dawn, wounding 16 soldiers.", [("injured", "government", 16, None)]),
        # a verb that says what befell its subject still does
        ("Three attackers were killed after they stormed the checkpoint, killing two police officers.",
         [("killed", "rebels", 3, None), ("killed", "government", 2, None)]),
    ],
    "along_with": [
        # people joined by "along with" share the verb's deed (Andijan 2005, Congo, Iraq-like)
        ("Gunmen freed 23 businessmen, along with hundreds of other inmates.",
         [("released", "total", 23, None), ("released", "prisoners", None, None)]),
        ("The raid on the jail in Butembo freed 40 militiamen along with 800 prisoners.",
         [("released", "combatants", 40, None), ("released", "prisoners", 800, None)]),
        ("Insurgents abducted 12 teachers along with 60 pupils.",
         [("detained", "civilians", 12, None), ("detained", "civilians", 60, None)]),
    ],
    "shared_participle": [
        # a participle after the last of joined figures of people is said of each (Thailand-Cambodia
        # 2025, Chad, Kosovo-like)
        ("The ministry counted 11 civilians and six soldiers killed along the border.",
         [("killed", "civilians", 11, ANY), ("killed", "government", 6, ANY)]),
        ("Medics found 9 women and 14 men wounded near Abeche.",
         [("injured", "civilians", 9, None), ("injured", "total", 14, None)]),
        ("Inspectors listed 20 villagers and 3 policemen missing after the raid.",
         [("missing", "civilians", 20, ANY), ("missing", "government", 3, ANY)]),
    ],
    "nearest_in_clause": [
        # people "on the move" are displaced (Rwanda 1994, Abkhazia 1993, Sudan-like); troops on
        # the move are no displaced people
        ("UNHCR says between one and 1.5 million Rwandans are on the move towards the frontier.",
         [("displaced", "total", None, ANY)]),
        ("The government said up to 80,000 people were on the move after the city fell.",
         [("displaced", "total", 80000, ANY)]),
        ("Troops are on the move near the border; 30 soldiers were killed.", [("killed", "government", 30, None)]),
        # what the speaker left unsaid is no figure's word (Colombia 1998, Ukraine, Sudan)
        ("The army put its own casualties in the counter-offensive at 14, without saying how many of them were killed.", []),
        ("Kyiv put its losses near Avdiivka at 300, but did not say how many died.", []),
        ("In Kharkiv, 5 people lost their lives overnight.", [("killed", "total", 5, None)]),
        ("Over 2,000 families in Tigray, some 10,000 people, remain displaced.", [("displaced", "total", 10000, None)]),
        ("At least 60 people in the village were killed or are feared dead after the mudslide.",
         [("killed", "total", 60, None)]),
    ],
}

CATEGORY_CASES = {
    "continues_earlier": [
        ("Four paramedics were killed and 16 others were injured in Nabatieh.",
         [("killed", "civilians", 4, None), ("injured", "civilians", 16, None)]),
        ("Nine soldiers were killed and 31 wounded in the ambush in Niger.",
         [("killed", "government", 9, None), ("injured", "government", 31, None)]),
        ("The attack killed 12 RSF fighters; 20 more were wounded.",
         [("killed", "rebels", 12, None), ("injured", "rebels", 20, None)]),
    ],
    "toll_of_people": [
        # the people a toll counts, named in its noun phrase (Bahrain 2011, Syria, Kashmir)
        ("The state news agency later put the number of police dead at three.",
         [("killed", "government", 3, "state news agency")]),
        ("The civilian death toll has risen to 412.", [("killed", "civilians", 412, None)]),
        ("The number of dead policemen rose to 9.", [("killed", "government", 9, None)]),
        # ... a toll of a deed done by a side is no toll of that side's people
        ("The death toll from the army shelling rose to 40.", [("killed", "total", 40, None)]),
        # a toll raised right after one kind of people were counted is theirs, grown (Pakistan
        # 2008, Mali 2019); one far larger counts more people
        ("A bomber struck a checkpoint, killing nine soldiers. The official later raised the death toll to 11.",
         [("killed", "government", 9, None), ("killed", "government", 11, "official")]),
        ("Jihadists killed 24 soldiers near Boulkessi. The toll rose to 38 on Tuesday.",
         [("killed", "government", 24, None), ("killed", "government", 38, None)]),
        ("Nine soldiers were killed on Monday. The death toll in the province has risen to 40.",
         [("killed", "government", 9, None), ("killed", "total", 40, None)]),
        # a toll right before a figure whose word only says what befell people (Darfur, Gaza, Yemen-like)
        ("The evening bulletin raised the armed forces' toll to 40 killed.", [("killed", "government", 40, ANY)]),
        ("The ministry raised the civilian toll to 300 dead in Gaza.", [("killed", "civilians", 300, ANY)]),
        ("The health ministry raised the toll to 30 dead in Taiz.", [("killed", "total", 30, ANY)]),
        # the owner of a tally of named people only keeps it (West Bank, Sudan, Ukraine-like)
        ("The army's own tally of Palestinian dead has risen to 48 in Jenin.", [("killed", "total", 48, ANY)]),
        ("The military's count of Sudanese civilians killed in El Geneina reached 120.",
         [("killed", "civilians", 120, ANY)]),
        ("The army's toll of its soldiers killed near Avdiivka rose to 35.", [("killed", "government", 35, ANY)]),
    ],
    "group_before": [
        ("Among the dead servicemen, 40 were from the National Guard.", [("killed", "government", 40, None)]),
        ("Among the wounded civilians in Kharkiv, 11 were women.", [("injured", "civilians", 11, None)]),
        ("Among the dead fighters of the M23, 14 were commanders.", [("killed", "rebels", 14, None)]),
    ],
    "casualty_noun_continues": [
        # "and N wounded" after a figure of people counts those people (Niger 2023, Sri Lanka 2009, Ukraine-like)
        ("The provisional toll on the friendly side is 29 soldiers killed and two seriously wounded.",
         [("killed", "government", 29, None), ("injured", "government", 2, None)]),
        ("The army said 14 soldiers were killed and three critically wounded near Mopti.",
         [("killed", "government", 14, ANY), ("injured", "government", 3, ANY)]),
        ("Kyiv said 40 Russian soldiers were killed and 60 seriously wounded near Bakhmut.",
         [("killed", "government", 40, ANY), ("injured", "government", 60, ANY)]),
        # a few more words, quoted or not, between the first figure and "and" (Sudan, Kazakhstan, Syria-like)
        ("The rebel alliance said seven of our fighters were martyred and 15 others wounded near Kadugli.",
         [("killed", "rebels", 7, ANY), ("injured", "rebels", 15, ANY)]),
        ('The Interior Ministry said 31 "armed criminals" were killed and 9 others wounded in Taraz.',
         [("killed", "rebels", 31, ANY), ("injured", "rebels", 9, ANY)]),
        ("HTS said four of its fighters were killed and 12 others wounded near Saraqeb.",
         [("killed", "rebels", 4, ANY), ("injured", "rebels", 12, ANY)]),
        # "others" continues the first figure's people across a longer clause (Bhutan 2003, Mali, Kashmir-like)
        ("Seven soldiers of the Royal Bhutan Army were killed near the camps and 19 others wounded.",
         [("killed", "government", 7, ANY), ("injured", "government", 19, ANY)]),
        ("Twelve soldiers of the Malian army died when their convoy hit a mine near Boni and 30 others were hurt.",
         [("killed", "government", 12, ANY), ("injured", "government", 30, ANY)]),
        ("Four militants of the banned outfit were killed in the encounter in Kupwara and two others injured.",
         [("killed", "rebels", 4, ANY), ("injured", "rebels", 2, ANY)]),
        # civilians' deaths "and 60 injuries": people in general (Gaza, as dev2 counts them)
        ("Hamas said the strike caused 40 civilian deaths and 60 injuries.",
         [("killed", "civilians", 40, ANY), ("injured", "total", 60, ANY)]),
    ],
    "ranks_of_whole": [
        # people named by rank in a breakdown are of the whole's side (LRA 2008, Swat, DRC-like)
        ("The joint forces killed 25 LRA fighters and captured seven, among them two commanders.",
         [("killed", "rebels", 25, None), ("detained", "rebels", 7, None), ("detained", "rebels", 2, None)]),
        ("Troops arrested 40 insurgents in Swat, among them three commanders.",
         [("detained", "rebels", 40, None), ("detained", "rebels", 3, None)]),
        ("Congolese troops captured 50 M23 rebels near Goma, among them 14 officers.",
         [("detained", "rebels", 50, None), ("detained", "rebels", 14, None)]),
    ],
    "of_group_predicate": [
        # the predicate calls them unarmed: civilians (Jamaica 2010, Kenya, Egypt-like)
        ("The ombudsman says at least 15 of the dead were unarmed people shot in their yards.",
         [("killed", "civilians", 15, ANY)]),
        ("Witnesses said 30 of those killed were unarmed men.", [("killed", "civilians", 30, ANY)]),
        ("One of the dead was a journalist, the union said.", [("killed", "civilians", 1, ANY)]),
        ("Two of the wounded were children.", [("injured", "civilians", 2, None)]),
        ("Three of the detained were students.", [("detained", "civilians", 3, None)]),
        # the people they are held as (Croatia 1991, Nagorno-Karabakh)
        ("The army captured 2,000 men in Vukovar. About 1,800 of them were being held as prisoners of war, a "
         "spokesman said.", [("detained", "total", 2000, None), ("detained", "government", 1800, ANY)]),
        ("Azerbaijan detained 300 people. 40 of them are held as prisoners of war.",
         [("detained", "total", 300, None), ("detained", "government", 40, None)]),
    ],
    "of_people": [
        ("The strikes caused 800 deaths of health workers in Gaza.", [("killed", "civilians", 800, None)]),
        ("The fighting caused 9 fatalities among the Israeli soldiers.", [("killed", "government", 9, None)]),
        ("The raid caused 12 injuries among the crew members off Hodeidah.", [("injured", "civilians", 12, None)]),
    ],
    "enemy": [
        ("The army said the enemy lost 3,000 fighters near Bakhmut.", [("killed", "rebels", 3000, ANY)]),
        ("The RSF said the enemy lost 200 fighters in El Fasher.", [("killed", "government", 200, ANY)]),
        ("Hamas said enemy forces lost 14 soldiers in Rafah.", [("killed", "government", 14, ANY)]),
    ],
    "attackers_counted": [
        # people a relative clause says attacked are the attackers (South Thailand 2004, Kenya, Mali-like)
        ("Police say 19 young men who attacked the district police station in Saba Yoi were shot dead.",
         [("killed", "rebels", 19, ANY)]),
        ("Troops killed 11 men who had stormed the checkpoint near Mandera, the army said.",
         [("killed", "rebels", 11, ANY)]),
        ("Soldiers captured 6 people who ambushed a convoy near Gao.", [("detained", "rebels", 6, None)]),
    ],
    "rising_joined": [
        # people who took part in a rising are its side, soldiers too (Venezuela 1992, Turkey
        # 2016, the Philippines-like); soldiers who defended a town are not
        ("The army has detained a total of 133 officers and 956 enlisted men who took part in the rebellion.",
         [("detained", "rebels", 133, None), ("detained", "rebels", 956, None)]),
        ("Police arrested 40 soldiers who had joined the coup attempt in Ankara.", [("detained", "rebels", 40, None)]),
        ("Marines captured 25 officers who led the mutiny at Fort Bonifacio.", [("detained", "rebels", 25, None)]),
        ("The rebels killed 12 soldiers who took part in the defence of the town.",
         [("killed", "government", 12, None)]),
    ],
    "unsided_fighters": [
        # fighters no rule gave a side are a non-state group's (Jordan 1970, Sudan, Syria-like);
        # "from both sides" keeps them every side's
        ("Amman said then that more than 200 fighters had been killed and 2,300 captured.",
         [("killed", "rebels", 200, ANY), ("detained", "rebels", 2300, ANY)]),
        ("The army said 35 fighters were killed in the assault on Nyala.", [("killed", "rebels", 35, ANY)]),
        ("At least 12 combatants died in the clashes near Idlib.", [("killed", "rebels", 12, None)]),
        ("Clashes near Marib killed 64 people, among them 40 fighters from both sides.",
         [("killed", "total", 64, None), ("killed", "combatants", 40, None)]),
    ],
    "mixed_group": [
        ("The AA holds thousands of regime troops and their family members detained in Rakhine.",
         [("detained", "total", None, None)]),
        ("The strike killed 14 soldiers and civilians in Kharkiv.", [("killed", "total", 14, None)]),
        ("Police arrested 30 gang members and residents in Port-au-Prince.", [("detained", "total", 30, None)]),
    ],
    "group_as_noun": [
        # an armed group's name standing for its members has the group's side (Afghanistan,
        # Yemen, Somalia-like)
        ("The defence ministry says more than 150 Taliban were killed in Kunduz.", [("killed", "rebels", 150, ANY)]),
        ("At least 30 Houthis died in the strikes on Hodeidah.", [("killed", "rebels", 30, None)]),
        ("The army said 25 Shabaab were killed near Kismayo.", [("killed", "rebels", 25, ANY)]),
    ],
    "side_words": [
        # members of a military unit no side word names are a state's soldiers (Katanga 1961,
        # Mali, Colombia-like); a rebel unit stays the rebels'
        ("The Department said five members of the company had been wounded at Jadotville.",
         [("injured", "government", 5, ANY)]),
        ("The army said 12 members of the patrol were killed in the ambush near Gao.",
         [("killed", "government", 12, ANY)]),
        ("The guerrillas said 12 members of the rebel battalion were killed near Arauca.",
         [("killed", "rebels", 12, ANY)]),
        # a state's men who rose against it are rebels; constables are a state's (Lesotho 1998,
        # Kenya 1953, Burkina Faso-like)
        ("Opposition parties said over 50 of the mutinous soldiers died at the dam.",
         [("killed", "rebels", 50, ANY)]),
        ("Two African constables were wounded in the raid near Naivasha, police said.",
         [("injured", "government", 2, ANY)]),
        ("Residents said 12 renegade gendarmes were arrested in Ouagadougou.", [("detained", "rebels", 12, ANY)]),
        # members of a side's families are civilians, not the side (Bangladesh 2009, Mexico,
        # Iraq-like)
        ("The army said 41 members of officers' families were released from the barracks on Thursday.",
         [("released", "civilians", 41, ANY)]),
        ("Police said 12 members of soldiers' families were killed in the attack on the base.",
         [("killed", "civilians", 12, ANY)]),
        ("Gunmen seized nine members of a policeman's family in Mosul, officials said.",
         [("detained", "civilians", 9, ANY)]),
        # a liberation or resistance army is a non-state side's, whatever "army" alone names
        # (Western Sahara 1981, Kosovo, Zimbabwe-like); the army alone stays the state's
        ("The communique said the liberation army lost eleven fighters near Guelta Zemmour.",
         [("killed", "rebels", 11, ANY)]),
        ("Twelve resistance army fighters were killed near Drenica.", [("killed", "rebels", 12, None)]),
        ("Twelve army soldiers were killed near Drenica.", [("killed", "government", 12, None)]),
        # members of a movement or front whose name holds a rebel word (Aceh 2003, Papua,
        # Mindanao-like); a party's members stay people
        ("Troops detained 62 suspected members of the Free Aceh Movement on Monday.", [("detained", "rebels", 62, None)]),
        ("Soldiers captured 12 members of the Free Papua Movement near Wamena.", [("detained", "rebels", 12, None)]),
        ("Police arrested 30 members of the National Unity Party.", [("detained", "total", 30, None)]),
        # a rebel word right before a state's force names a rebel army (Croatia 1995,
        # Abkhazia-like); the force alone stays the state's
        ("Some 180 members of the rebel Serb army were captured near Glina, the ministry said.",
         [("detained", "rebels", 180, ANY)]),
        ("Separatist Abkhaz forces lost 40 fighters near Gagra, the ministry said.", [("killed", "rebels", 40, ANY)]),
        ("Some 30 soldiers of the Serb army were killed near Knin.", [("killed", "government", 30, None)]),
        # members of a group named by an acronym no file knows as unarmed are its fighters
        # (Philippines, Peru, Aceh-like); a known unarmed body's are not
        ("He added that 87 MNLF members have surrendered or been captured so far.", [("detained", "rebels", 87, None)]),
        ("All fourteen members of the MRTA died during the operation.", [("killed", "rebels", 14, None)]),
        ("A further 62 GAM members were captured in raids.", [("detained", "rebels", 62, None)]),
        ("Three ICRC members were abducted near Goma.", [("detained", "total", 3, None)]),
        # a group's name with its acronym in brackets (Aceh 2003, Indonesia, Sri Lanka-like)
        ("Two members of the Police (POLRI) also fell in an ambush at Peudada.", [("killed", "government", 2, None)]),
        ("Four members of the Armed Forces (TNI) were killed near Lhokseumawe.", [("killed", "government", 4, None)]),
        ("Nine members of the Border Security Force (BSF) were wounded near Jammu.",
         [("injured", "government", 9, None)]),
        # martyrs of a group named by an acronym are its fighters (Sudan 2011, Philippines, Colombia-like)
        ("The movement mourns 6 martyrs of the SPLA-N who fell near Kurmuk.", [("killed", "rebels", 6, ANY)]),
        ("The statement listed 11 martyrs of the MILF killed near Cotabato.", [("killed", "rebels", 11, ANY)]),
        ("The bulletin named 9 martyrs of the ELN killed in Arauca.", [("killed", "rebels", 9, ANY)]),
        # a state's noun in an "of" phrase naming a rebel side, and defence forces (Yemen 1994, Botswana, Slovenia-like)
        ('Radio Aden said 900 soldiers of "the secessionist clique" were taken prisoner near Aden.',
         [("detained", "rebels", 900, ANY)]),
        ("Four members of the Botswana Defence Force were killed near Maseru, officials said.",
         [("killed", "government", 4, ANY)]),
        ("Two members of the territorial defence were wounded near Brezice, he said.",
         [("injured", "government", 2, ANY)]),
        ("Clashes killed 15 RSF fighters in El Fasher.", [("killed", "rebels", 15, None)]),
        ("The strike killed five Houthi fighters near Hodeidah.", [("killed", "rebels", 5, None)]),
        ("Ambushes killed 23 pro-government militiamen in Burkina Faso.", [("killed", "government", 23, None)]),
        # a group's army is no state's (Iraq 2004, Myanmar, Uganda); a state's name or a state's
        # army word keeps it the state's (Pakistan)
        ("Around 1,500 Mehdi Army fighters were killed in the spring uprising.", [("killed", "rebels", 1500, None)]),
        ("Clashes killed 20 Arakan Army fighters near Paletwa.", [("killed", "rebels", 20, None)]),
        ("Troops killed 14 Lord's Resistance Army fighters near Dungu.", [("killed", "rebels", 14, None)]),
        ("Clashes killed 12 Pakistan Army soldiers in Waziristan.", [("killed", "government", 12, None)]),
        # fighters named by a group or a people that is no state's are a non-state side
        # (Philippines, Chechnya); a state's name leaves them as they are (Ukraine)
        ("Troops killed 119 MNLF fighters in Zamboanga.", [("killed", "rebels", 119, None)]),
        ("Russian units took 29 Chechen fighters prisoner in Grozny.", [("detained", "rebels", 29, None)]),
        ("Twelve Ukrainian fighters were killed near Bakhmut.", [("killed", "combatants", 12, None)]),
    ],
    "displaced_people": [
        # a place's people who flee are people in general (Haiti, Kargil, Fallujah-like)
        ("More than 5,000 residents of Cabaret have fled to the capital.", [("displaced", "total", 5000, None)]),
        # nationals or foreigners evacuated are people in general (Aden 2015, Ivory Coast 2011, Sudan-like)
        ("India has evacuated about 350 of its nationals by sea from Aden.", [("displaced", "total", 350, None)]),
        ("Britain evacuated 1,200 of its nationals from Khartoum.", [("displaced", "total", 1200, None)]),
        ("Nearly 18,000 inhabitants of Dras moved to villages out of range of the guns.",
         [("displaced", "total", 18000, None)]),
        ("About 150,000 of the city's 250,000 residents left before the assault on Fallujah began.",
         [("displaced", "total", 150000, None)]),
    ],
    "nationals_of_soldiers_before": [
        # nationals counted after their state's soldiers in one sentence (Egypt 1970, Eritrea 1999)
        ("So far 41 Egyptian soldiers had been taken prisoner, and 19 Egyptians were killed on the island.",
         [("detained", "government", 41, None), ("killed", "government", 19, None)]),
        ("Troops captured 30 Eritrean soldiers and killed 45 Eritreans near Badme.",
         [("detained", "government", 30, None), ("killed", "government", 45, None)]),
        ("Indian forces said 12 Pakistani soldiers were killed and 4 Pakistanis captured in Kargil.",
         [("killed", "government", 12, ANY), ("detained", "government", 4, ANY)]),
    ],
    "enemy_nationals": [
        # another state's nationals counted by a side that fights them (Ukraine, Mali, Gulf 1991)
        ("Russian troops attacked Bakhmut. The Ukrainian General Staff said 92 Russians were killed.",
         [("killed", "government", 92, ANY)]),
        ("Russian troops and Malian soldiers were ambushed. JNIM claimed it killed 50 Russians near Tinzaouatene.",
         [("killed", "government", 50, ANY)]),
        ("Iraqi units entered Khafji. US Central Command said 37 wounded Iraqis were being treated.",
         [("injured", "government", 37, ANY)]),
    ],
    "killed_in_captivity": [
        # people captured, then killed, are prisoners (Afghanistan 1998, South Sudan, Yemen);
        # hostages stay hostages
        ("The Taliban say thousands of their fighters captured at that time were later executed.",
         [("killed", "prisoners", None, ANY)]),
        ("At least 30 men arrested in the raid on Bentiu were later shot dead, witnesses said.",
         [("killed", "prisoners", 30, ANY)]),
        ("Five soldiers were killed in the ambush near Marib, the army said.", [("killed", "government", 5, ANY)]),
    ],
    "taken_prisoner": [
        # "took N prisoner", the noun singular (Afghanistan, Uganda, Nigeria-like)
        ("The Taliban said their fighters killed 59 Afghan soldiers and took 17 prisoner.",
         [("killed", "government", 59, ANY), ("detained", "government", 17, ANY)]),
        ("The army said it took 45 prisoner near Kasese.", [("detained", "rebels", 45, ANY)]),
        # people taken in a fight are a side's fighters (Gulf 1991, Chad, Donbas-like)
        ("Coalition forces have taken 900 Iraqi prisoners near Khafji.", [("detained", "government", 900, None)]),
        ("The army said it had killed 60 rebels and taken 45 prisoners.",
         [("killed", "rebels", 60, ANY), ("detained", "rebels", 45, ANY)]),
        ("The separatist command said it had taken 80 prisoners near Debaltseve.", [("detained", "government", 80, ANY)]),
    ],
    "losses_of": [
        ("A staff officer said the division had lost 415 dead.", [("killed", "government", 415, ANY)]),
        ("South Vietnamese units lost 357 dead in Hue, he said.", [("killed", "government", 357, None)]),
        ("The rebels lost 40 dead in the assault on Kramatorsk, the army said.", [("killed", "rebels", 40, ANY)]),
        # the names of a side's fighters (Dagestan 1999, Afghanistan 1980s, Nicaragua 1983)
        ("A militant spokesman said the mujahideen had lost 18 men in Tando.", [("killed", "rebels", 18, ANY)]),
        ("The contras lost 40 men in the battle for Pantasma, the army said.", [("killed", "rebels", 40, ANY)]),
        # "it had lost": the speaker's own (Lebanon 2006, DRC)
        ("Israeli troops fought Hezbollah in Bint Jbeil. The movement said it had lost three fighters.",
         [("killed", "rebels", 3, "Hezbollah")]),
        # a speaking body named by its common noun lost its own people (DR Congo, Mali-like)
        ("M23 spokesman Vianney Kazarama said the movement had lost only two comrades near Goma.",
         [("killed", "rebels", 2, "M23")]),
    ],
    "owners_losses": [
        # a fighting state's or a group's losses named before the figures (Grenada 1983, Dagestan 1999, Falklands)
        ("U.S. troops landed at dawn. U.S. casualties so far are six killed and 33 wounded.",
         [("killed", "government", 6, ANY), ("injured", "government", 33, ANY)]),
        ("He said the militants' losses exceeded 1,000 men.", [("killed", "rebels", 1000, ANY)]),
        ("British forces landed at San Carlos. British losses so far stand at 14 dead.", [("killed", "government", 14, ANY)]),
        # a state's word ("Federal") and a longer stretch before the figure (Nigeria 1968, Ifni 1957, Iraq-like)
        ("Federal losses were put at 60 dead and 200 wounded, the spokesman in Enugu added.",
         [("killed", "government", 60, ANY), ("injured", "government", 200, ANY)]),
        ("Spanish troops held Sidi Ifni. Spanish losses since the fighting began on Saturday stood at 34 dead.",
         [("killed", "government", 34, ANY)]),
        ("U.S. troops entered Najaf. U.S. losses since the offensive began on Thursday are put at nine killed.",
         [("killed", "government", 9, ANY)]),
    ],
    "own_people": [
        # a subject's own people counted by a copula (Saudi-Houthi 2009, Eritrea)
        ("The army said its dead number 12.", [("killed", "government", 12, "government")]),
        ("The Eritrean People's Liberation Front said its wounded are 40.", [("injured", "rebels", 40, ANY)]),
        # a party's own forces' losses named before the figures (Rhodesia 1977, Niger 2023, Ukraine-like)
        ("The army said our forces' losses were three killed and 11 wounded near Mutoko.",
         [("killed", "government", 3, ANY), ("injured", "government", 11, ANY)]),
        ("The ministry said the toll on the friendly side was 29 killed and two wounded at Tabatol.",
         [("killed", "government", 29, ANY), ("injured", "government", 2, ANY)]),
        # an aid or UN body's own staff are aid workers (Gaza, Sudan, Ukraine)
        ("UNRWA said 13 of its staff were killed in Gaza.", [("killed", "civilians", 13, "UNRWA")]),
        ("The World Food Programme said two of its staff were killed in Darfur.", [("killed", "civilians", 2, ANY)]),
        ("The ICRC said three of its staff were wounded in Kherson.", [("injured", "civilians", 3, "ICRC")]),
        ("Hezbollah said eight of its fighters were killed in southern Lebanon.", [("killed", "rebels", 8, "Hezbollah")]),
        ("The Arakan Army said 30 of its fighters died in the battle for Buthidaung.",
         [("killed", "rebels", 30, "Arakan Army")]),
        ("M23 said 12 of its fighters were killed near Sake.", [("killed", "rebels", 12, "M23")]),
        # comrades, men and martyrs take the speaker's side after "our/its" (Turkey, Nepal, Israel)
        ("The defence ministry said three of our heroic comrades were martyred in the Zap region.",
         [("killed", "government", 3, ANY)]),
        ("Hamas said 20 of its members were killed, and Israel said five of its men were wounded.",
         [("killed", "rebels", 20, "Hamas"), ("injured", "government", 5, ANY)]),
        # "its losses" (not "its toll", a health ministry's count of everyone) (Bolivia 1967, Mali, Gaza)
        ("The army says its losses since then total 31 dead.", [("killed", "government", 31, ANY)]),
        ("The Malian army said its losses in the Tessit attack were 17 dead.", [("killed", "government", 17, ANY)]),
        ("The Gaza health ministry raised its toll to 40 dead.", [("killed", "total", 40, ANY)]),
        # a loss whose subject is the speaker's own side (Mauritania 2005, Mali, Kokang-like)
        ("The defence ministry said: according to the first information, our forces have lost 12 men at the post.",
         [("killed", "government", 12, ANY)]),
        ("The Malian army said: we lost nine men in the ambush near Boulkessi.", [("killed", "government", 9, ANY)]),
        ("The MNDAA said: in these battles, 31 of our comrades sacrificed their lives for the Kokang nation.",
         [("killed", "rebels", 31, ANY)]),
        # comrades are always the speaker's (Sudan, Nepal-like)
        ("The SPLM-N said 11 comrades were wounded in the defence of Kurmuk.", [("injured", "rebels", 11, ANY)]),
        ("The Maoist party said 14 comrades were killed in the clash in Rolpa.", [("killed", "rebels", 14, ANY)]),
    ],
    "of_them_named_before": [
        # the speakers in the plural present are not "them" (Jamaica 2010, Kenya, Colombia-like)
        ("About 400 people were detained overnight. The police say 150 of them had been freed by noon.",
         [("detained", "total", 400, ANY), ("released", "total", 150, ANY)]),
        ("More than 90 people were abducted. Relatives say 20 of them have been released.",
         [("detained", "total", 90, ANY), ("released", "total", 20, ANY)]),
        # "of them" are the people named last before the figure (Argentina 1955, Pakistan, Nigeria-like)
        ("The rebel officers fled towards the Uruguay river; three of them were arrested near Paso de los Libres.",
         [("detained", "rebels", 3, ANY)]),
        ("Militants stormed the Shiite mosque in Quetta; six of them were shot dead by police.",
         [("killed", "rebels", 6, ANY)]),
        ("The soldiers ran into an ambush near Maiduguri; four of them were wounded.",
         [("injured", "government", 4, ANY)]),
        # people no list knows, named nearer, are "them"
        ("Police chased the smugglers across the harbour in Male; four of them were killed.",
         [("killed", "total", 4, ANY)]),        # people who speak are not "them"
        ("Relatives told the Committee in Guatemala City that 12 of them were later released.",
         [("released", "total", 12, ANY)]),
    ],
    "navy_sailors": [
        # sailors a navy counts are its own (Goa 1961, the Falklands, Ukraine-like)
        ("The Navy says six sailors were killed and 14 were wounded at the landing.",
         [("killed", "government", 6, ANY), ("injured", "government", 14, ANY)]),
        ("A Royal Navy spokesman said 20 sailors were missing after the frigate sank.", [("missing", "government", 20, ANY)]),
        # a merchant ship's sailors counted by a command stay seafarers (Red Sea-like)
        ("US Central Command said three sailors of the bulk carrier were killed.", [("killed", "civilians", 3, ANY)]),
    ],
    "soldiers_held_after_a_coup": [
        # soldiers their own state holds in a story of a coup or a mutiny are the mutineers
        # (Venezuela 1992, Bangladesh 2009, Turkey 2016-like)
        ("After the failed coup the defence minister said 1,000 officers and soldiers had been detained.",
         [("detained", "rebels", 1000, ANY)]),
        ("After the mutiny at the border guard headquarters, the army said 200 soldiers had been arrested.",
         [("detained", "rebels", 200, ANY)]),
        # another state's soldiers, or no coup in the story, stay a state's forces (Ukraine, Sudan-like)
        ("After the coup in Niamey, Ukraine said 30 Russian soldiers had been captured.",
         [("detained", "government", 30, ANY)]),
        ("The army said 12 soldiers had been arrested for looting.", [("detained", "government", 12, ANY)]),
    ],
    "sides_losses": [
        # a state's own losses put at a figure, a time phrase before "at" (Suez 1956, Ogaden, Karabakh-like)
        ("He put Israel's own losses since the fighting began a week ago at 140 dead.",
         [("killed", "government", 140, ANY)]),
        ("The rebels put Ethiopia's losses in the battle at 3,000 dead.", [("killed", "government", 3000, ANY)]),
        # a side's losses put at a figure are that side's (Biafra 1969, Chechnya, Sri Lanka-like)
        ("The spokesman put federal losses at 87 dead and 230 wounded.",
         [("killed", "government", 87, ANY), ("injured", "government", 230, ANY)]),
        ("The army put rebel losses at 300 dead after the battle.", [("killed", "rebels", 300, ANY)]),
        ("The monitor put civilian casualties at 40 dead in the shelling.", [("killed", "civilians", 40, ANY)]),
    ],
    "both_sides": [
        # soldiers "on both sides" are combatants (Eritrea-Ethiopia 1999, Donbas, Kashmir-like);
        # "both sides of the border" is a place
        ("Envoys in Asmara think several thousand soldiers on both sides have died.",
         [("killed", "combatants", None, ANY)]),
        ("Monitors said some 200 troops from both sides were killed in the battle.",
         [("killed", "combatants", 200, ANY)]),
        ("At least 40 soldiers on both sides of the border were killed, officials said.",
         [("killed", "government", 40, ANY)]),
    ],
    "from_a_side": [
        # a bare figure from a side named after it is that side's (Indonesia, Nagorno-Karabakh, Nigeria-like)
        ("The police said 7 persons died in Poso, consist of 5 villagers and 2 from the attackers side.",
         [("killed", "total", 7, ANY), ("killed", "civilians", 5, ANY), ("killed", "rebels", 2, ANY)]),
        ("Twelve fighters died near Shusha, nine on the rebel side and three on the army side.",
         [("killed", "rebels", 12, ANY), ("killed", "rebels", 9, ANY), ("killed", "government", 3, ANY)]),
        ("Eleven people were killed in Maiduguri: eight civilians and three from the government side.",
         [("killed", "total", 11, ANY), ("killed", "civilians", 8, ANY), ("killed", "government", 3, ANY)]),
    ],
    "origin_of_whole": [
        # people named by where they come from, in a breakdown of one side's fighters, are that
        # side's (Libya 2014, Mali, Mozambique-like)
        ("The army said 9 gunmen were seized in Derna, among them two foreign nationals.",
         [("detained", "rebels", 9, ANY), ("detained", "rebels", 2, ANY)]),
        ("Troops killed 40 insurgents near Gao, including 6 foreigners.",
         [("killed", "rebels", 40, ANY), ("killed", "rebels", 6, ANY)]),
        ("Rebels said they had killed 25 soldiers, among them four foreign nationals.",
         [("killed", "government", 25, ANY), ("killed", "government", 4, ANY)]),
        # a part of civilians stays civilians
        ("The strike killed 37 civilians, including 10 foreigners.",
         [("killed", "civilians", 37, ANY), ("killed", "civilians", 10, ANY)]),
    ],
    "part_of_a_side": [
        # a part of civilians named by no side's noun is civilians (Xinjiang, Iraq, Donbas-like)
        ("The ministry said 12 civilians were killed in Kirkuk, including 10 Kurds.",
         [("killed", "civilians", 12, ANY), ("killed", "civilians", 10, ANY)]),
        ("A strike killed 20 civilians in Donetsk, among them three Russians, the Ukrainian army said.",
         [("killed", "civilians", 20, ANY), ("killed", "civilians", 3, ANY)]),
        ("Xinhua said 37 civilians were killed in Yarkand, 35 of them Han.",
         [("killed", "civilians", 37, ANY), ("killed", "civilians", 35, ANY)]),
        # a part of a side's fighters is that side's (Tajikistan 2012, Somalia, Mali)
        ("The government said 40 militants, including eight Afghan citizens, had been detained in Khorog.",
         [("detained", "rebels", 40, ANY), ("detained", "rebels", 8, ANY)]),
        ("The army said 30 al-Shabaab fighters were killed near Baidoa, among them five Kenyans.",
         [("killed", "rebels", 30, ANY), ("killed", "rebels", 5, ANY)]),
    ],
    "apposed_household": [
        # people an apposition names one by one, kin or women and children among them, are
        # civilians (Gaza 2014, Sudan, Ukraine-like); a soldier among them keeps the total, and
        # a part "of them" is a breakdown, no such list
        ("The health ministry said two Palestinians, an old man and his grandson, were killed in Rafah.",
         [("killed", "civilians", 2, ANY)]),
        ("Three people, a woman and her two children, were killed when a shell hit their home in Omdurman.",
         [("killed", "civilians", 3, ANY), ("killed", "civilians", 2, ANY)]),
        ("The governor said two residents, a mother and her son, died in the strike on Sumy.",
         [("killed", "civilians", 2, ANY)]),
        ("Two men, a soldier and a police officer, were killed in the strike on Kramatorsk.",
         [("killed", "total", 2, ANY)]),
        ("Doctors said 12 bodies, two of them children, were brought to the morgue on Friday.",
         [("killed", "total", 12, ANY), ("killed", "civilians", 2, ANY)]),
    ],
    "unarmed_people": [
        # people called unarmed are civilians, whatever the noun (Bangladesh 2013, Afghanistan, Egypt-like)
        ('Hefazat leaders said "thousands" of their unarmed followers had been killed in Dhaka.',
         [("killed", "civilians", None, ANY)]),
        ("Police shot dead 14 unarmed men at the checkpoint in Kandahar.", [("killed", "civilians", 14, ANY)]),
        ("The Brotherhood said 30 of its unarmed members were killed in Cairo.", [("killed", "civilians", 30, ANY)]),
    ],
    "uprooted_harmed": [
        # people who fled, then were killed or hurt, are civilians (Rhodesia 1977, West Papua, Rwanda-like)
        ("Maputo said some 640 refugees died when the camp at Nyadzonia was bombed.", [("killed", "civilians", 640, ANY)]),
        ("At least 95 people displaced from the highlands have died of hunger since March, the mission said.",
         [("killed", "civilians", 95, ANY)]),
        ("Relief workers recorded 27 deaths among displaced families at Kibeho this week.", [("killed", "civilians", 27, ANY)]),
        ("The mission counted 19 deaths from cholera among refugees at Kakuma in May.", [("killed", "civilians", 19, ANY)]),
        ("A shell hit the school, wounding 18 displaced people sheltering there.", [("injured", "civilians", 18, ANY)]),
        # a displacement of refugees stays theirs (total)
        ("Some 12,000 refugees crossed into Zambia last week, the agency said.", [("displaced", "total", 12000, ANY)]),
    ],
    "the_group": [
        # people of "the group" in a war story are an armed group's (Iran-PJAK, Nigeria, Philippines-like)
        ("The Revolutionary Guards said more than 60 members of the group were killed near Sardasht.",
         [("killed", "rebels", 60, ANY)]),
        ("A police spokesman in Maiduguri said 14 of the group's men were arrested.",
         [("detained", "rebels", 14, ANY)]),
        ("The army said 25 members of the group had been captured in the hills above Jolo.",
         [("detained", "rebels", 25, ANY)]),
        # an aid body's "group" is its own team
        ("UNICEF said two members of the group were injured in Khan Younis.", [("injured", "total", 2, ANY)]),
    ],
}

ATTRIBUTION_CASES = {
    "denied_claims": [
        # a claim denied is its owner's (Georgia, DR Congo, Gaza)
        ("Georgia's Defense Ministry denied Russian reports that 50 Georgian soldiers had been taken prisoner.",
         [("detained", "government", 50, "Russian government")]),
        ("The army rejected the rebels' claims that 40 soldiers were killed near Goma.",
         [("killed", "government", 40, "opposition")]),
        ("Hamas dismissed Israeli claims that 300 fighters had been killed in Khan Younis.",
         [("killed", "rebels", 300, "Israeli government")]),
    ],
    "as_given_by": [
        # an "as given by" aside names the owner of its figures (Ireland 1916, Ukraine-like, Sudan-like)
        ("The garrison's losses, as given in a statement from Irish Command, are 14 officers killed.",
         [("killed", "government", 14, "Irish Command")]),
        ("Losses in the sector, as announced by the Ukrainian General Staff, came to 40 soldiers killed on Monday.",
         [("killed", "government", 40, "Ukrainian General Staff")]),
        ("The toll in the camp, as stated by Doctors Without Borders, has reached 35 people killed.",
         [("killed", "total", 35, "Doctors Without Borders")]),
    ],
    "by_count": [
        # "By X's count," opening a sentence: the count's owner (Libya 2019, Sudan, Syria-like)
        ("By UN count, some 150,000 people were displaced in the west of the city last year.",
         [("displaced", "total", 150000, "United Nations")]),
        ("By the Syrian Observatory's count, 310 fighters were killed in the first week.",
         [("killed", "rebels", 310, "Syrian Observatory for Human Rights")]),
        ("By UNHCR estimates, 1.2 million people have fled to Chad.", [("displaced", "total", 1200000, "UNHCR")]),
    ],
    "account_before_colon": [
        # who gives an account claims the figures after its colon (Yemen 2015, Kashmir, Colombia-like)
        ("A doctor at the main hospital gave another account: 64 people were killed, he said.",
         [("killed", "total", 64, "doctor at the main hospital")]),
        ("The Red Cross offered its own count: 120 people were wounded in the clashes.",
         [("injured", "total", 120, "ICRC")]),
        ("Local officials, who asked not to be named, painted a grimmer picture: 300 people had fled the district.",
         [("displaced", "total", 300, "Local officials")]),
    ],
    "according_to": [
        # "the announcement" is the one the speaker before issued (Vietnam 2020, Niger, Yemen-like)
        ("The Ministry of Public Security issued an announcement on the incident in Dong Tam, in which three "
         "officers died. According to the announcement, subjects attacked the forces, killing two more officers.",
         [("killed", "government", 3, "Ministry of Public Security"),
          ("killed", "government", 2, "Ministry of Public Security")]),
        ("The Nigerien army issued a communique on the attack. According to the communique, 17 soldiers died.",
         [("killed", "government", 17, "Nigerien army")]),
        ("The Houthi movement issued a statement on the raid. According to the statement, 20 civilians died in Saada.",
         [("killed", "civilians", 20, "Houthis")]),
        # "the State" is the article's state's government; information is a record of its
        # owner (Peru, Colombia-like court summaries)
        ("Two officers were killed in Lima, Peru, according to information provided by the State.",
         [("killed", "government", 2, "Peruvian government")]),
        ("According to information from the Colombian army, 12 soldiers died in Cauca.",
         [("killed", "government", 12, ANY)]),
        ("At least 17 people were killed in Dnipro, according to the regional governor.", [("killed", "total", 17, ANY)]),
        ("Some 8,000 people fled Kidal, according to figures from the UN refugee agency.",
         [("displaced", "total", 8000, "UNHCR")]),
        ("Twelve civilians died in Myawaddy, according to the Karen National Union.",
         [("killed", "civilians", 12, "Karen National Union")]),
        # how early a record is names no one (Mauritania 2005, Niger, Sudan-like)
        ("Gunmen of the ADF raided the camp. According to preliminary information, 20 villagers died in Beni.",
         [("killed", "civilians", 20, None)]),
        ("The GSPC attacked the post. According to initial reports, 15 soldiers died at Lemgheity.",
         [("killed", "government", 15, None)]),
    ],
    "official_count": [
        # an official figure with no body named is the article's state's government
        # (Uzbekistan, Algeria, Sudan-like)
        ("Uzbek troops fired on the crowd in Andijan. Officially, 76 people were treated in the city's hospitals.",
         [("injured", "total", 76, "Uzbek government")]),
        ("Algerian security forces arrived late. At least 98 people were killed in Rais, by the official count.",
         [("killed", "total", 98, "Algerian government")]),
        ("Sudanese army units shelled the camp. At least 40 people were killed, according to official figures.",
         [("killed", "total", 40, "Sudanese government")]),
    ],
    "statement_source": [
        # the issuer of a record about the event the sentence tells (Vietnam 2020, Mali, DR Congo-like)
        ("The Ministry of Public Security on January 9 issued an announcement on the incident in Dong Tam, "
         "in which three police officers died.", [("killed", "government", 3, "Ministry of Public Security")]),
        ("The army issued a statement on the attack in Kidal, in which 12 soldiers died.",
         [("killed", "government", 12, ANY)]),
        ("The UN released a report on the fighting in Kasai, in which 400 civilians were killed.",
         [("killed", "civilians", 400, "United Nations")]),
        # a statement issued before a colon, a figure "from" a speaker (Nicaragua 2018, Brazil
        # 2017, Kenya 2008)
        ("Protests spread across Nicaragua. The National Police have issued a statement: one officer was killed "
         "and four were wounded.", [("killed", "government", 1, "National Police"),
                                    ("injured", "government", 4, "National Police")]),
        ("The latest figure from the Amazonas state security secretary is 56 inmates killed.",
         [("killed", "prisoners", 56, "Amazonas state security secretary")]),
        ("The Kenya Red Cross released a bulletin: 250,000 people have been displaced in the Rift Valley.",
         [("displaced", "total", 250000, "Kenya Red Cross")]),        # a liveblog label naming whose figures follow its colon (Pakistan 2007, Libya, Kyrgyzstan-like)
        ("Troops stormed the Red Mosque in Islamabad, Pakistan.\n\n14:10 Latest official figures, from the "
         "military spokesman: at least 50 militants killed.", [("killed", "rebels", 50, "Pakistan Armed Forces")]),
        ("Updated figures from the Kyrgyz health ministry: 12 people killed in Bishkek.",
         [("killed", "total", 12, "Kyrgyz Health Ministry")]),
    ],
    "record_label": [
        # a line that opens with a body's record: the body's figures, its spokesman's words
        # (Afghanistan liveblog, Sudan-like)
        ("MSF says its trauma centre has treated 296 wounded.\n10:05 Health ministry figures: at least 30 people "
         "killed and more than 340 wounded have been brought to Kunduz hospitals, spokesman Waheedullah Mayar said.",
         [("injured", "total", 296, "Doctors Without Borders"), ("killed", "total", 30, "Health ministry"),
          ("injured", "total", 340, "Health ministry")]),
        ("UN figures: 5,000 people displaced in a week around El Fasher.", [("displaced", "total", 5000, "United Nations")]),
        ("ICRC figures: 40 detainees released in Mekelle on Sunday.", [("released", "prisoners", 40, "ICRC")]),
        # a qualifier is no owner (Ukraine)
        ("Latest figures: 12 dead in Kharkiv, the regional governor said.", [("killed", "total", 12, ANY)]),
        # a possessive owner, a qualified record, an aside before the colon (Kyrgyzstan 2020, Iran, Sudan-like)
        ("The Health Ministry's latest tally: 686 people have now been injured in Bishkek.",
         [("injured", "total", 686, "Kyrgyz Health Ministry")]),
        ("Health Ministry update, posted on Facebook: 590 people were injured overnight in Bishkek.",
         [("injured", "total", 590, "Kyrgyz Health Ministry")]),
        ("The Sudan Doctors Network's new count: 40 people killed in Omdurman.",
         [("killed", "total", 40, "Sudan Doctors Network")]),
    ],
    "station_item": [
        # a label with the station's note, its town and the day ("Radio Rakoczi (clandestine),
        # 2210, 4 Nov:"): Hungary 1956-like digests
        ("Radio Rakoczi (clandestine, location unknown), 2210, 4 Nov: Fighters killed 300 Soviet soldiers in Budapest.",
         [("killed", "government", 300, "Radio Rakoczi")]),
        # a digest item's station reports what no one in it is said to say; a speaker in the
        # item speaks for themselves (DR Congo, Rwanda, Uganda-like digests)
        ("Radio Rwanda, 1300: Two civilians were killed in Rubavu District on Tuesday.",
         [("killed", "civilians", 2, "Radio Rwanda")]),
        ("Radio Okapi, 1500: The UN refugee agency, UNHCR, said about 40,000 people had fled Kanyaruchinya camp.",
         [("displaced", "total", 40000, "UNHCR")]),
        ("Uganda Broadcasting Corporation, 1700 gmt: About 3,000 Congolese crossed into Uganda at Bunagana.",
         [("displaced", "total", 3000, "Uganda Broadcasting Corporation")]),
    ],
    "institution_intake": [
        # a hospital, clinic or morgue that takes people in counts them itself (Laos 1970,
        # Gaza-like, Haiti-like); a bullet before it is no part of its name
        ("- Ban Na, 22 February: Sam Thong hospital admitted 14 wounded civilians.",
         [("injured", "civilians", 14, "Sam Thong hospital")]),
        ("Al-Shifa hospital received 30 bodies on Monday.", [("killed", "total", 30, "Al-Shifa hospital")]),
        ("The state university hospital treated 45 wounded people overnight in Port-au-Prince.",
         [("injured", "total", 45, "state university hospital")]),        # the first of two clauses joined by a semicolon; an aid body tracing or treating people
        # (Uganda 2004, Ogaden 1978, Guinea 2000-like)
        ("- Lira Hospital admitted 57 wounded people; 14 of them were referred to Kampala.",
         [("injured", "total", 57, "Lira Hospital")]),
        ("- The Somali Red Crescent Society is tracing 600 persons reported missing in the camps.",
         [("missing", "total", 600, "Somali Red Crescent Society")]),
        ("- MSF has treated 137 wounded people in Kissidougou since 7 December.",
         [("injured", "total", 137, "Doctors Without Borders")]),
    ],
    "labelled_line_speaker": [
        # in a transcript's line, "we" and "our" are the labelled speaker's, whoever the line
        # quoted before (Uganda, Somalia, Kenya-like briefings)
        ("Present: Major General Peter Mulindwa, army spokesman\n\nMAJOR GENERAL MULINDWA: Witnesses told us 20 "
         "civilians died. Our troops killed 35 rebels near Kasese.",
         [("killed", "civilians", 20, "Witnesses"), ("killed", "rebels", 35, "Peter Mulindwa")]),
        ("Present: Colonel Ali Hassan, police spokesman\n\nCOLONEL HASSAN: Residents told us 9 people died. "
         "Our units arrested 14 suspects in Mogadishu.",
         [("killed", "total", 9, "Residents"), ("detained", "total", 14, "Ali Hassan")]),
        ("Present: Eric Kiraithe, police spokesman\n\nMR KIRAITHE: Doctors told us 11 people were hurt. "
         "Our officers recovered 8 bodies in Naivasha.",
         [("injured", "total", 11, ANY), ("killed", "total", 8, ANY)]),
    ],
    "quoted_as_saying": [
        # an announcer reading a body's communique reads the body's figures (El Salvador)
        ("[Radio Cadena Nacional, 0200] Reading a communique of the Armed Forces Press Committee (COPREFA), an "
         "announcer said 473 terrorists had been killed.", [("killed", "rebels", 473, "Armed Forces")]),
        # the words say it where the parse misses the verb; no article before the one quoted (DR Congo)
        ("The radio quoted staff at Goma main referral hospital as saying they had received 37 bodies.",
         [("killed", "total", 37, "Goma main referral hospital")]),
        # the one quoted speaks, not the one quoting (Bosnia, Yemen, Sudan-like)
        ("The radio quoted the duty doctor at Kosevo hospital as saying that 11 people were killed.",
         [("killed", "total", 11, "Kosevo hospital")]),
        ("Saba quoted the Houthi-run health ministry as saying 20 people died in the strikes on Sanaa.",
         [("killed", "total", 20, ANY)]),
        ("Al Jazeera quoted Sudan Doctors Network as saying 40 civilians were killed in El Fasher.",
         [("killed", "civilians", 40, "Sudan Doctors Network")]),
        # the passive: the one quoted is the subject (Nicaragua 1983, Nigeria, Haiti-like)
        ("Honduran officials were quoted as saying that about 1,200 Miskito Indians had crossed into Honduras.",
         [("displaced", "total", 1200, "Honduran government")]),
        ("Haitian National Police officials were quoted by Le Nouvelliste as saying 70 people were killed in "
         "Pont-Sonde.", [("killed", "total", 70, "Haitian National Police")]),
    ],
    "linked_outlet": [
        # outlets tied to someone speak for that one (Ecuador 2024, Mali-Wagner, Yemen-like)
        ("Accounts linked to the Los Lobos gang claimed that dozens of soldiers had died near Esmeraldas.",
         [("killed", "government", None, "Los Lobos gang")]),
        ("Telegram channels close to Wagner said 40 Malian soldiers were killed near Kidal.",
         [("killed", "government", 40, "Wagner Group")]),
        ("Media affiliated with the Houthis said 9 people were killed in the strike on Hodeidah.",
         [("killed", "total", 9, "Houthis")]),
    ],
    "put_by": [
        # the agent of a participle that gives the figure (Vietnam 1954, Sudan, Ukraine-like)
        ("The death toll in Dien Bien Phu, put by the French command at 2,000, is expected to rise.",
         [("killed", "total", 2000, "French command")]),
        ("The number of dead in El Geneina, put by the health ministry at 120, rose overnight.",
         [("killed", "total", 120, ANY)]),
        ("The toll in Mariupol, estimated by the UN at 300, has doubled.",
         [("killed", "total", 300, "United Nations")]),
    ],
    "record_of_figure": [
        # the owner of the record that holds the figure (Somalia, Gaza, Ukraine-like)
        ("We've seen estimates from the International Committee of the Red Cross of some 200 Somalis killed.",
         [("killed", "total", 200, "ICRC")]),
        ("Officials cited figures from the Gaza Health Ministry of 45 dead in Rafah.",
         [("killed", "total", 45, "Gaza Health Ministry")]),
        ("The mayor pointed to a count by the United Nations of 1,200 people displaced from Avdiivka.",
         [("displaced", "total", 1200, "United Nations")]),
    ],
    "subject_of_speech_verb": [
        ("The Sudan Doctors Network said 40 people were killed in the market attack.",
         [("killed", "total", 40, "Sudan Doctors Network")]),
        ("Save the Children said 1,000 children had been displaced in Haiti.",
         [("displaced", "civilians", 1000, "Save the Children")]),
        ("The Ukrainian General Staff said 1,200 Russian soldiers were killed in a day.",
         [("killed", "government", 1200, "Ukrainian General Staff")]),
        # a speaker the parse hangs on a fronted place in apposition (Ethiopia 2000, Sudan, Ukraine-like)
        ("In the Ethiopian border town of Adigrat, a doctor at the district hospital said 12 civilians were killed.",
         [("killed", "civilians", 12, "doctor at the district hospital")]),
        ("In the besieged city of El Fasher, a nurse at the Saudi hospital said 30 people were wounded.",
         [("injured", "total", 30, ANY)]),
        # a body led by officials speaks, not its leaders (Panama 1989, Nigeria, Sri Lanka-like)
        ("A private commission of inquiry led by former officials said 1,000 civilians had died.",
         [("killed", "civilians", 1000, "private commission of inquiry")]),
        ("A citizens' committee headed by a retired judge said 400 people were killed in Zaria.",
         [("killed", "total", 400, "citizens' committee")]),
        # a commission of inquiry is no UN body unless named so; its speaker's body speaks (Nigeria 2015)
        ("The Kaduna State government gave its count. Its secretary told the judicial commission of inquiry "
         "that 347 bodies had been buried at Mando.", [("killed", "total", 347, "Kaduna State government")]),
    ],
    "impersonal_passive": [
        ("The Azerbaijani Ministry of Health reported new figures. It was noted that 50 soldiers were wounded.",
         [("injured", "government", 50, "Azerbaijani Health Ministry")]),
        ("The Sudanese Armed Forces released a statement. It was reported that 20 fighters were captured.",
         [("detained", "rebels", 20, "Sudanese Armed Forces")]),
        ("The Kenyan police issued an update. It was stated that 12 protesters were arrested.",
         [("detained", "civilians", 12, "Kenyan police")]),
    ],
    "headline_source": [
        ("UN: 500,000 displaced by fighting in Darfur", [("displaced", "total", 500000, "United Nations")]),
        ("UNHCR: 90,000 refugees crossed into Chad", [("displaced", "total", 90000, "UNHCR")]),
        ("ACLED: 1,300 killed in Sahel attacks", [("killed", "total", 1300, "ACLED")]),
    ],
    "possessive_record": [
        # "official figures" as a subject: the story's state's own count (Kenya 1953, Turkey 1995,
        # Sudan-like); a state named by its demonym keeps its own
        ("NAIROBI - Official figures show that since October, gangs have murdered 170 African civilians.",
         [("killed", "civilians", 170, "Kenyan government")]),
        ("ANKARA - Official figures say the conflict has killed 15,000 people since 1984.",
         [("killed", "total", 15000, "Turkish government")]),
        ("KHARTOUM - Official figures show 430 people have been killed since April.",
         [("killed", "total", 430, "Sudanese government")]),
        ("The Syrian Observatory gave a new toll. Its count stands at 412 dead.",
         [("killed", "total", 412, "Syrian Observatory for Human Rights")]),
        ("The authorities' previous estimate of 68 deaths in Stepanakert was revised.",
         [("killed", "total", 68, ANY)]),
        ("The UN's estimate of 300,000 displaced was published on Monday.", [("displaced", "total", 300000, "United Nations")]),
    ],
    "subject_of_main_verb": [
        ("SANA recalled that rocket fire killed 6 people in Aleppo.", [("killed", "total", 6, "SANA")]),
        ("OCHA warned that 25,000 people had fled Tawila.", [("displaced", "total", 25000, "OCHA")]),
        ("UNICEF stressed that 300 children were killed in Sudan.", [("killed", "civilians", 300, "UNICEF")]),
    ],
    "trailing_say": [
        # a clause of when or why after the attribution (Bangladesh 2013, Sudan, Kenya-like)
        ("At least 22 people have been killed in Bangladesh, police and doctors said on Monday, after security "
         "forces fired tear gas.", [("killed", "total", 22, "police and doctors")]),
        ("At least 40 people died in El Fasher, the Sudan Doctors Network said, as shelling went on.",
         [("killed", "total", 40, "Sudan Doctors Network")]),
        ("Twelve people were wounded in Kisumu, the Kenya Red Cross said on Tuesday, after police fired live rounds.",
         [("injured", "total", 12, ANY)]),
        ("Russian strikes killed three people overnight in Zaporizhzhia, regional officials said",
         [("killed", "total", 3, ANY)]),
        ("As Radio Okapi reports, 30 people were abducted in Ituri.", [("detained", "total", 30, "Radio Okapi")]),
        ('"We buried 14 people today," said Ahmed Mansour, a volunteer.', [("killed", "total", 14, "Ahmed Mansour")]),
    ],
    "fronted_staff": [
        ("At Al-Shifa Hospital, doctors said 18 bodies were brought in overnight.",
         [("killed", "total", 18, "Al-Shifa Hospital")]),
        ("At the Bashair Teaching Hospital, medics said 25 people were wounded in Khartoum.",
         [("injured", "total", 25, "Bashair Teaching Hospital")]),
        ("At the Okhmatdyt children's hospital, staff said 16 children were hurt in Kyiv.",
         [("injured", "civilians", 16, "Okhmatdyt children's hospital")]),
    ],
    "cited_by": [
        ("A total of 2,000 people were displaced in Cabo Delgado, as reported by the IOM.",
         [("displaced", "total", 2000, "IOM")]),
        ("Fighting killed 70 people in Rakhine, figures from the Arakan Army show.", [("killed", "total", 70, ANY)]),
        ("Some 45 people died in Mogadishu, citing hospital officials.", [("killed", "total", 45, ANY)]),
    ],
    "parenthetical_source": [
        # a body's short name in brackets after its name is no source (Aceh 2003, Philippines,
        # Kosovo-like); a source in brackets after a place still is
        ("Troops detained 62 members of the Free Aceh Movement (GAM).", [("detained", "rebels", 62, None)]),
        ("Police arrested 30 members of the Moro National Liberation Front (MNLF).",
         [("detained", "rebels", 30, None)]),
        ("About 6,000 people fled to North Darfur (OCHA).", [("displaced", "total", 6000, "OCHA")]),
        ("- 2,100 people killed since 8 October (WHO).", [("killed", "total", 2100, "World Health Organization")]),
        ("- 690,000 people internally displaced (IOM).", [("displaced", "total", 690000, "IOM")]),
        ("- 45 health workers killed on duty (OCHA).", [("killed", "civilians", 45, "OCHA")]),
        # a date after the source; a state's department (India 2023, Somalia, Sudan-like)
        ("- 98 people killed since 3 May (Government of Manipur, 3 June)",
         [("killed", "total", 98, "Government of Manipur")]),
        ("- Over 8,000 people have crossed into Mizoram (Mizoram Home Department)",
         [("displaced", "total", 8000, "Mizoram Home Department")]),
        ("- 12,500 people displaced from Las Anod (UNHCR, 20 February).", [("displaced", "total", 12500, "UNHCR")]),
    ],
    "broadcast_header": [
        # a digest's section header names the broadcaster (Bosnia 1993, Bangladesh 1971, Ukraine-like)
        ("Digest\n\nRADIO PAKISTAN, Dacca, in Bengali 1200\n\nThe radio said an air raid had killed 30 children.",
         [("killed", "civilians", 30, "Radio Pakistan")]),
        ("Digest\n\nALL INDIA RADIO, Delhi, Home Service 0630\n\nIt said 1,100 soldiers had been captured.",
         [("detained", "government", 1100, "All India Radio")]),
        ("Digest\n\nUKRAINIAN TELEVISION, Kyiv, 0800\n\nAccording to the television, 12 people were killed overnight.",
         [("killed", "total", 12, "Ukrainian Television")]),
    ],
    "source_line": [
        ("The shelling killed 11 people and injured 40.\nSource: ACLED", [("killed", "total", 11, "ACLED"),
                                                                        ("injured", "total", 40, "ACLED")]),
        ("Refugees in Chad: 600,000.\nSource: UNHCR", [("displaced", "total", 600000, "UNHCR")]),
        ("Detained activists: 5,300.\nSource: Assistance Association for Political Prisoners",
         [("detained", "civilians", 5300, "Assistance Association for Political Prisoners")]),
    ],
}

DISCOURSE_CASES = {
    "subject-of": [
        # a body's noun, "the same" body, a spokesman "for the movement" point back to the body
        # named before; a name in apposition to a description is the body (Turkey, Uganda)
        ("The Human Rights Foundation of Turkey said 40 people died in Sur. In Cizre, the same foundation said "
         "150 people died.", [("killed", "total", 40, "Human Rights Foundation of Turkey"),
                               ("killed", "total", 150, "Human Rights Foundation of Turkey")]),
        ("The Diyarbakir Governorship said the curfew continues. The governorship also said that 11 soldiers have lost their lives.",
         [("killed", "government", 11, "Diyarbakir Governorship")]),
        ("A local human rights group, the Uganda Human Rights Activists, said 60 people were missing in Kampala.",
         [("missing", "total", 60, "Uganda Human Rights Activists")]),
        # "repeated his claim that", "the inquiry concluded": who speaks (Georgia 2008, Northern
        # Ireland, Sudan-like); a people's leader is the person; "Aid workers" opening a sentence
        # are aid workers, no body called "Aid"
        ("South Ossetian leader Eduard Kokoity has repeated his claim that more than 2,000 residents of Tskhinvali died.",
         [("killed", "civilians", 2000, "Eduard Kokoity")]),
        ("Paratroopers opened fire on a march in the Bogside, killing 14 unarmed civilians, the Saville Inquiry concluded.",
         [("killed", "civilians", 14, "Saville Inquiry")]),
        ("Aid workers said 127 bodies were found in and around the hospital in Bor.", [("killed", "total", 127, "Aid workers")]),
        # the subject of the verb a speech verb completes speaks ("continued to claim":
        # Bangladesh 1971, Sudan, Ukraine-like)
        ('Radio Pakistan has continued to claim that "hundreds of Indian troops" were killed at Jessore.',
         [("killed", "government", None, ANY)]),
        ("The RSF went on to claim that 200 soldiers were killed in El Obeid.", [("killed", "government", 200, "Rapid Support Forces")]),
        ("The Russian Defence Ministry continued to insist that 300 Ukrainian soldiers died near Avdiivka.",
         [("killed", "government", 300, "Russian Defence Ministry")]),
        # ranks between a body's spokesperson and the name do not hide the person the article
        # introduced (Philippines, Nigeria-like)
        ("UPDATED TOLL: Western Mindanao Command spokesperson Lt. Col. Ramon Zagala now says 63 MNLF gunmen have "
         "been killed in Zamboanga.", [("killed", "rebels", 63, "Western Mindanao Command")]),
        # a record's owner before it speaks (Solomon Islands, Kenya-like); a town fronted before
        # sources with a body of their own is no institution (East Timor); a commander or the
        # leaders of a body speak for it, spelt out as the article defined it (East Timor)
        ("Police figures put the number of deaths in Kenya's Rift Valley at 18.",
         [("killed", "total", 18, "Kenyan police")]),
        ("In Suai, church sources told this newspaper that up to 200 people were killed.",
         [("killed", "total", 200, "church sources")]),
        ("The commander of the Udayana Regional Military Command, Major General Adam Damiri, said 103 people "
         "had died.", [("killed", "total", 103, "Udayana Regional Military Command")]),
        ("The National Council of Timorese Resistance (CNRT) met in Darwin. But the leaders of the CNRT say "
         "thousands of people were killed.", [("killed", "total", None, "National Council of Timorese Resistance")]),
        # a statement speaks for whoever issued it (Afghanistan, Sudan, Mali-like)
        ("The Taliban have issued a statement saying their fighters killed 59 Afghan soldiers.",
         [("killed", "government", 59, "Taliban")]),
        ("The RSF released a statement claiming it had killed 200 soldiers.",
         [("killed", "government", 200, "Rapid Support Forces")]),
        ("The Malian army put out a statement that said 40 militants were killed.",
         [("killed", "rebels", 40, "Malian army")]),
        # a state's officers and soldiers speak for its army (South Sudan, Somalia-like)
        ("Ugandan officers told journalists that nine of their soldiers had been killed.",
         [("killed", "government", 9, "Ugandan army")]),
        # a body's own name has no surname: "the International Crisis Group" is not Amnesty
        # International, named later with an apposition (South Sudan)
        ("The International Crisis Group now estimates that nearly 10,000 people have been killed.\n"
         "In 1991 a Nuer force killed an estimated 2,000 Dinka civilians in Bor, according to Amnesty "
         "International, a massacre for which Machar apologised in 2012.",
         [("killed", "total", 10000, "International Crisis Group"),
          ("killed", "civilians", 2000, "Amnesty International")]),
        # a city's colon dateline is no source; "he informed that" speaks; "the DG" is the
        # director general who spoke (Pakistan, Nigeria, Sudan-like)
        ("PESHAWAR: Security forces took Mingora, DG ISPR Major General Athar Abbas told a briefing on Saturday.\n"
         "He informed that 21 terrorists were killed in Swat.\n"
         "Giving the overall picture, the DG said 1,217 militants have been killed.",
         [("killed", "rebels", 21, "Inter-Services Public Relations"),
          ("killed", "rebels", 1217, "Inter-Services Public Relations")]),
        ("MAIDUGURI: Troops cleared Bama, the director-general of the Defence Media Operations, Musa Danmadami, "
         "told reporters. The director-general said 40 gunmen were killed.",
         [("killed", "rebels", 40, "Musa Danmadami")]),
    ],
    "current-reporter": [
        ("The Russian Defence Ministry said Ukraine had lost 900 soldiers near Avdiivka. "
         "Kyiv also lost 300 soldiers near Kupiansk.",
         [("killed", "government", 900, "Russian Defence Ministry"), ("killed", "government", 300, "Russian Defence Ministry")]),
        ("The Syrian Observatory for Human Rights confirmed 532 deaths in Latakia.\n"
         "The total death toll has now reached 745.",
         [("killed", "total", 532, "Syrian Observatory for Human Rights"),
          ("killed", "total", 745, "Syrian Observatory for Human Rights")]),
        ("UNHCR gave new figures on Monday. Some 20,000 refugees crossed into Chad in a week.",
         [("displaced", "total", 20000, "UNHCR")]),
    ],
    "attributed-after": [
        ("Four soldiers were killed near Idlib. The situation is escalating, the Daily Sabah reported.",
         [("killed", "government", 4, "Daily Sabah")]),
        ("About 6,270 people fled their homes after the attack,\nthe UN migration agency said.",
         [("displaced", "total", 6270, ANY)]),
        ("Ten fishermen were killed off Sittwe. That figure was confirmed by the Arakan Army.",
         [("killed", "civilians", 10, "Arakan Army")]),
    ],
    "publisher": [],  # needs outlet metadata: see test_claims_publisher
    "named-speaker": [
        ("During a press conference, Lebanese Health Minister Firas Abiad gave an update.\n"
         "He said 1,640 people had been killed since October.",
         [("killed", "total", 1640, "Lebanese Health Ministry")]),
        ("In Geneva, Somali Health Minister Ali Haji Adam delivered a statement. He said 40 people died in Baidoa.",
         [("killed", "total", 40, "Somali Health Ministry")]),
        ("At a briefing, Haitian police chief Normil Rameau delivered new figures. "
         "He said 300 gang members were arrested.",
         [("detained", "rebels", 300, ANY)]),
        # an officer of "the group" speaks for the group that spoke before, even one no file
        # knows; an acronym no file knows as unarmed is a movement (Bhutan 2003, Nepal, Mali-like)
        ("ULFA said its cadres had repulsed the attacks. The group's publicity secretary, Mithinga Daimary, "
         "said 12 of its members had been martyred.", [("killed", "rebels", 12, "ULFA")]),
        ("The CPN-M said its units had held Beni. The movement's spokesman, Krishna Mahara, said 14 of its "
         "members were killed.", [("killed", "rebels", 14, ANY)]),
        ("The MNLA said its fighters had repelled the attack. The group's spokesman, Moussa Ag Assarid, said "
         "nine of its members were wounded.", [("injured", "rebels", 9, "MNLA")]),
    ],
}


def _cases(table):
    return [pytest.param(rule, text, expected, id=f"{rule}-{i}")
            for rule, cases in table.items() for i, (text, expected) in enumerate(cases)]


@pytest.mark.parametrize("rule,text,expected", _cases(FIGURE_CASES))
def test_claims_figure_rule(extract_text, rule, text, expected):
    name = {"figure_label": "figure+label", "figure_from_to": "figure+from-to", "part_of_whole": "figure+part-of",
            "people_noun_after": "figure+", "shared_noun": "figure+shared-noun",
            "after_casualty_verb": "figure+after-casualty-verb", "casualty_word_after": "figure+",
            "forced_to_leave": "figure+", "toll_noun_before": "figure+", "level_verb": "figure+",
            "figure_ellipsis": "figure+"}.get(rule)
    _check(extract_text, text, expected, name if expected else None)


@pytest.mark.parametrize("rule,text,expected", _cases(QUANTITY_CASES))
def test_claims_quantity_rule(extract_text, rule, text, expected):
    _check(extract_text, text, expected, "quantity:" if expected else None)


@pytest.mark.parametrize("rule,text,expected", _cases(CATEGORY_CASES))
def test_claims_category_rule(extract_text, rule, text, expected):
    _check(extract_text, text, expected, None)


@pytest.mark.parametrize("rule,text,expected", _cases(ATTRIBUTION_CASES))
def test_claims_attribution_rule(extract_text, rule, text, expected):
    _check(extract_text, text, expected, "claimant:")


@pytest.mark.parametrize("rule,text,expected", _cases(DISCOURSE_CASES))
def test_claims_discourse_rule(extract_text, rule, text, expected):
    _check(extract_text, text, expected, f"claimant:{rule}" if rule != "named-speaker" else "claimant:")


@pytest.mark.parametrize("table,rules", [
    (FIGURE_CASES, FIGURE_RULES), (QUANTITY_CASES, QUANTITY_RULES), (CATEGORY_CASES, CATEGORY_RULES),
    (ATTRIBUTION_CASES, SENTENCE_RULES),
])
def test_claims_every_rule_has_cases(table, rules):
    names = {r.__name__ for r in rules}
    assert names <= set(table), f"rules without cases: {sorted(names - set(table))}"
    assert all(len(table[n]) >= 3 for n in names), "each rule needs cases from three wars"
    assert all(r.__doc__ for r in rules), "each rule says what it reads"


@pytest.mark.parametrize("outlet,text,source", [
    ("UN OCHA", "- 689,715 persons internally displaced since 8 October.", "OCHA"),  # Lebanon
    ("Syrian Observatory for Human Rights", "Government shelling killed 12 civilians in Idlib.",
     "Syrian Observatory for Human Rights"),
    ("Darfur Notes (reposting UN OCHA Flash Update No. 7)", "Some 3,000 people fled to Gedaref.", "OCHA"),
    ("Cedar News (NNA relay)", "Israeli strikes killed 20 people in Tyre.", None),  # relays an agency: not a publisher
    ("Kyiv Post", "Russian drones killed 3 people in Odesa.", None),  # a news outlet's own figure stays unattributed
    # a state body no claimant file knows, publishing its own statement (Iraq, Ukraine)
    ("Iraqi Joint Operations Command", "Our forces killed 62 terrorists in western Mosul.",
     "Iraqi Joint Operations Command"),
    ("Ministry of Defence of Ukraine", "Russian shelling killed 4 civilians in Kherson.", ANY),
    # periodicals are news outlets, whatever their subject (Syria, Nigeria)
    ("The Relief Bulletin", "Shelling killed 12 civilians in Idlib.", None),
    ("Premium Times", "Gunmen killed 9 villagers in Zamfara.", None),
    # a statement or report titled at the top, issued by the body it names or the outlet's body (Peru, Nepal, Sri Lanka)
    ("CVR (Peru)", "Final Report of the Truth and Reconciliation Commission\n\n"
     "An army patrol killed 62 peasants in Accomarca.", "Truth and Reconciliation Commission"),
    ("Communist Party of Nepal (Maoist)", "Central Committee\nPress Statement\n\n"
     "The royal army has murdered more than 6,000 innocent people.", "Communist Party of Nepal"),
    ("Liberation Tigers of Tamil Eelam", "Statement of the Political Wing\n\n"
     "Shelling killed 40 civilians in Mullaitivu.", "Liberation Tigers of Tamil Eelam"),
    # a body's communique carried by a state agency: the body's, named before the document (Niger, Mali, Chad-like)
    ("Agence Nigerienne de Presse (translated)", "Ministry of National Defence communique on the attack at Tabatol\n\n"
     "The provisional toll is 29 soldiers killed.", "Ministry of National Defence"),
    ("Agence Malienne de Presse", "Army General Command statement on the Boulkessi attack\n\n"
     "Our units neutralised 40 terrorists near Boulkessi.", "Army General Command"),
    ("The Relief Bulletin", "THE RELIEF BULLETIN\n\nShelling killed 12 civilians in Idlib.", None),
    # a statement issued by a body's press office is the body's (Chechnya, Ukraine)
    ("Federal press centre", "Statement of the press centre of the Joint Group of Federal Forces\n\n"
     "Our units destroyed up to 90 bandits near Shatoi.", "Joint Group of Federal Forces"),
    ("Press service", "Bulletin of the press service of the Southern Defence Forces\n\n"
     "Russian shelling killed 3 civilians in Kherson.", "Southern Defence Forces"),
    # a state body named with its state, whatever the outlet adds in brackets (Afrin, the Falklands)
    ("Turkish General Staff (briefing transcript)", "Our units neutralised 40 terrorists near Jinderes.",
     "Turkish General Staff"),
    # an outlet named for a body's document is that body, an armed group's too (Colombia,
    # the Falklands, Aceh, Pakistan-like)
    ("FARC-EP communique (translation)", "The enemy lost 16 police agents killed in combat.", "FARC"),
    ("Ministry of Defence briefing transcript", "Three women were killed when a shell struck a house.",
     "Ministry of Defence"),
    ("Martial Law Operations Command press release", "Our troops killed 12 members of the separatist movement.",
     "Martial Law Operations Command"),
    ("The Relief Bulletin (weekly)", "Shelling killed 12 civilians in Idlib.", None),
    # a state body named without its state is the state whose capital the header names
    # (Macedonia, the Falklands, Kenya-like briefings)
    ("Ministry of Defence press briefing transcript",
     "Press briefing of the Ministry of Defence, Skopje\n\nOur security forces have lost two soldiers killed.",
     "Macedonian Defence Ministry"),
    ("Ministry of Defence briefing transcript",
     "MINISTRY OF DEFENCE, LONDON\n\nThree women were killed when a shell struck a house in Stanley.",
     "British Defence Ministry"),
    # an armed group publishing under its own name states its own figures; a party's
    # broadcaster is a news outlet (Central African Republic; Lebanon)
    ("Seleka Coalition", "Our forces freed 35 prisoners held in Bangui.", "ex-Seleka"),
    ("Al-Manar", "Israeli strikes killed 12 people in Tyre.", None),
    # a wire's update note names what was added, not who publishes (Eritrea 2000, Sudan, Mali-like)
    ("Wire service (UPDATE 2)", "UPDATE 2-Ethiopia says troops take Zalambessa\n(Adds Eritrean statement, UNHCR refugee "
     "figures in paragraph 8)\nShelling killed 12 civilians in Adigrat.", None),
    ("Wire service (UPDATE 1)", "UPDATE 1-Fighting spreads in Darfur\n(Adds ICRC statement, paragraphs 5-6)\n"
     "Shelling killed 30 civilians in El Fasher.", None),
    ("Wire service (UPDATE 3)", "UPDATE 3-Jihadists attack Mali base\n(Recasts with UN statement)\n"
     "An attack killed 20 soldiers near Boulkessi.", None),
    # "REPORT OF THE <body>" heading the text: the body, named whole by the outlet (Puerto
    # Rico 1937, El Salvador 1993-like inquiries)
    ("Commission of Inquiry on Civil Rights in Puerto Rico (Hays Commission)",
     "REPORT OF THE COMMISSION OF INQUIRY ON CIVIL RIGHTS IN PUERTO RICO\n\nThe dead numbered nineteen.",
     "Commission of Inquiry on Civil Rights in Puerto Rico"),
    ("Truth Commission for El Salvador",
     "Report of the Truth Commission for El Salvador\n\nThe army killed 1,000 villagers at El Mozote.",
     "Truth Commission for El Salvador"),
])
def test_claims_publisher(extractor, outlet, text, source):
    from sitrep.records import Article

    article = Article(id="p", text=text, content_hash="p", outlet=outlet, published=date(2024, 6, 1))
    (claim,) = extractor.extract(article).claims
    if source is not ANY:
        assert claim.source == source, claim.rule
    assert ("claimant:publisher" in claim.rule) is (source is not None)


@pytest.mark.parametrize("text,kept_value,kept_sentence", [
    # a headline and the body state one figure: the body's attributed statement is kept
    ("Strike on camp kills 45\n\nAt least 45 people were killed in the strike on the camp, the health ministry in Gaza said.",
     45, "At least 45"),
    # a vague headline restates the body's figure
    ("Clashes leave hundreds dead\n\nThe Syrian Observatory said 745 people had been killed.", 745, "The Syrian"),
    # a rounded headline figure restates the body's exact one
    ("Fighting in Sudan has displaced 11.8 million\n\nThe IOM said 11,780,000 people had been displaced.",
     11780000, "The IOM"),
])
def test_claims_one_figure_once(extract_text, text, kept_value, kept_sentence):
    claims = _run(extract_text, text)
    assert [c.value for c in claims] == [kept_value], [c.rule for c in claims]
    assert claims[0].sentence.startswith(kept_sentence) and len(claims[0].mentions) == 1


def test_claims_one_figure_once_keeps_different_claimants(extract_text):
    text = ("The ministry in Gaza said 40 people were killed. Hamas said 40 people were killed.\n\n"
            "Israel's army said 40 people were killed.")
    claims = _run(extract_text, text)
    assert len({c.source for c in claims}) == len(claims) >= 2


@pytest.mark.parametrize("text,source", [
    # a generic state body speaks for the article's state (Somalia, Mali, Colombia, Mozambique)
    ("Al-Shabaab fighters attacked a hotel in Mogadishu, killing 12 people, police said.", "Somali police"),
    ("The transitional government in Bamako said 49 civilians were killed near Timbuktu.", "Malian government"),
    ("Two soldiers were killed in Arauca, Colombia, the army said.", "Colombian army"),
    ("Militants beheaded 50 people in Cabo Delgado, Mozambique, state media reported.", "Mozambican state media"),
    # a body named with its capital is its state's (Afghanistan)
    ("The health ministry in Kabul said 27 children had been killed in Kandahar.", "Afghan Health Ministry"),
    # a position inside a body speaks for the body; an office or a personal role does not
    ("Aamin Ambulance director Abdikadir Abdirahman said 31 wounded people were carried to hospital in Mogadishu.",
     "Aamin Ambulance"),
    ("Regional governor Colonel Rodolphe Sorgho said 40 people were killed in northern Burkina Faso.", "Rodolphe Sorgho"),
    # the speaker of a first-person quote (Myanmar)
    ('"I counted 80 bodies," a rescue worker told the BBC about the strike in Sagaing.', "rescue worker"),
    # a country before a headline colon is its topic, not its source (Nigeria)
    ("Nigeria: insurgents kill 30 farmers in Borno", None),
])
def test_claims_claimant_naming(extract_text, text, source):
    claims = _run(extract_text, text)
    assert claims and claims[0].source == source, [(c.source, c.rule) for c in claims]


@pytest.mark.parametrize("text", [
    "Jihadists killed 49 civilians in Mali, the government said. The figures could not be independently verified.",
    "Russia said it had killed 300 Ukrainian soldiers near Kupiansk. The claim could not be verified.",
    "The RSF said 200 army soldiers were killed in El Obeid. Reuters was unable to verify the figure.",
])
def test_claims_unverified_in_next_sentence(extract_text, text):
    claims = _run(extract_text, text)
    assert claims and all(c.unverified for c in claims)


@pytest.mark.parametrize("text,expected", [
    ("Medics said they were treating up to 150 wounded civilians a day in Mosul.", ("injured", "civilians", 150)),
    ("The strike left 12 dead soldiers and a burning tank near Pokrovsk.", ("killed", "government", 12)),
    ("Doctors counted 40 injured children in the Khan Younis hospital.", ("injured", "civilians", 40)),
])
def test_claims_participle_before_people(extract_text, text, expected):
    claims = _run(extract_text, text)
    assert [(c.quantity, c.category, c.value) for c in claims] == [expected]


@pytest.mark.parametrize("text,expected", [
    # one victim, no number (Ukraine, Gaza, Sudan)
    ("A civilian was killed when a drone hit a car in Kherson.", [("killed", "civilians", 1)]),
    ("One paramedic was wounded in the strike on Jabalia.", [("injured", "civilians", 1)]),
    ("A soldier died in an ambush near El Obeid.", [("killed", "government", 1)]),
    # displacement in other words (DR Congo, Myanmar, Haiti)
    ("The fighting, which forced 9,000 from their homes, spread to Ituri.", [("displaced", "total", 9000)]),
    ("Clashes in Rakhine drove 20,000 out of their villages.", [("displaced", "total", 20000)]),
    ("Gangs forced some 3,000 from their homes in Cabaret.", [("displaced", "total", 3000)]),
])
def test_claims_more_people_and_quantities(extract_text, text, expected):
    claims = _run(extract_text, text)
    assert [(c.quantity, c.category, c.value) for c in claims] == expected, [c.rule for c in claims]


@pytest.mark.parametrize("text,expected", [
    # a bare figure with an auxiliary before its casualty verb (Sudan, Ukraine, Myanmar)
    ("More than 10 million have been displaced inside Sudan, and 2 million have fled abroad.",
     [("displaced", "total", 10000000), ("displaced", "total", 2000000)]),
    ("Officials said 300 had been killed in Avdiivka.", [("killed", "total", 300)]),
    ("The monitor said 40 have died since the junta's strike on the village.", [("killed", "total", 40)]),
    # hostages who remain are held, and a subset's casualty word is not the whole's (Gaza)
    ("Some 120 hostages remain in Gaza, of whom a third are believed to have died.", [("detained", "total", 120)]),
])
def test_claims_auxiliaries_and_subsets(extract_text, text, expected):
    assert [(c.quantity, c.category, c.value) for c in _run(extract_text, text)] == expected


@pytest.mark.parametrize("text", [
    "The Janjaweed fought in Darfur in the 2000s, where some 300,000 people were killed.",
    "In the 1990s, the war in Bosnia killed about 100,000 people.",
    "During the early 1980s, 20,000 people were killed in Hama.",
])
def test_claims_decades_are_historical(extract_text, text):
    (claim,) = _run(extract_text, text)
    assert claim.historical


@pytest.mark.parametrize("text,source", [
    ("The RSF raised their flag over El Obeid after killing 20 soldiers.", None),  # a flag, not a toll
    ("The health ministry in Gaza raised the death toll to 45.", "Gaza Health Ministry"),
    ("- 40 people killed in Bara (North Kordofan).", None),  # a place in brackets locates, it does not source
])
def test_claims_speech_verbs_in_their_sense(extract_text, text, source):
    (claim,) = _run(extract_text, text)
    assert claim.source == source, claim.rule


@pytest.mark.parametrize("text,expected", [
    # a headline and its body name one claimant twice (the UN and its rights office; a
    # ministry and its spokesperson): one claim, the body's (Sudan, Ukraine)
    ("UN: more than 700 civilians killed in El Fasher since May\n\nMore than 700 civilians have been killed in "
     "El Fasher since May, the UN human rights office said.", [("killed", "civilians", 700, "OHCHR")]),
    ("Russian Defence Ministry: Ukraine lost up to 1,200 troops in 24 hours\n\nUkrainian forces lost up to 1,200 "
     "servicemen over the past day, the Russian Defence Ministry said.",
     [("killed", "government", 1200, "Russian Defence Ministry")]),
    # a spokesperson named with no body speaks for the body speaking; "others" continue the
    # figure of the sentence before (Sudan)
    ("More than 700 civilians have been killed in El Fasher, the UN human rights office said. "
     "Spokesperson Jeremy Laurence said at least 1,200 others had been wounded.",
     [("killed", "civilians", 700, "OHCHR"), ("injured", "civilians", 1200, "OHCHR")]),
])
def test_claims_one_claimant_under_two_names(extract_text, text, expected):
    got = [(c.quantity, c.category, c.value, c.source) for c in _run(extract_text, text)]
    assert got == expected


@pytest.mark.parametrize("text,expected", [
    # relatives named one by one are one figure, their sum (Gaza, Ukraine, Sudan)
    ("His wife, mother and two other children were injured.", ("injured", "civilians", 4)),
    ("Her husband and three sons were killed in the strike on Jabalia.", ("killed", "civilians", 4)),
    ("His son and his daughter were killed in El Geneina, along with his brother.", ("killed", "civilians", 3)),
    ("Their parents and two sisters were wounded when the shell hit the house in Kherson.", ("injured", "civilians", 4)),
    # a person named before her relatives is one more; drowning is dying (Mali, Syria, Yemen-like)
    ("A woman and her three children drowned when they tried to cross the river.", ("killed", "civilians", 4)),
    ("A man and his two sons were killed in the strike on Idlib.", ("killed", "civilians", 3)),
    ("A girl and her mother were wounded by shrapnel in Taiz.", ("injured", "civilians", 2)),
])
def test_claims_relatives_named_one_by_one(extract_text, text, expected):
    claims = _run(extract_text, text)
    assert [(c.quantity, c.category, c.value) for c in claims] == [expected], [c.rule for c in claims]


@pytest.mark.parametrize("text,source", [
    # a witness's next sentence about their own family is still theirs
    ('"The strike hit my neighbours’ house," said Mohammed Saleh, a teacher. Saleh told AFP his two sons were '
     'killed. His wife and mother were injured.', "Mohammed Saleh"),
    # a role serving a body speaks for it
    ('"We freed 300 prisoners," said Hassan Ali, a leader from the rebel operations command.',
     "rebel operations command"),
    # ... also a body named in full that no file knows (Donbas, Nagorno-Karabakh)
    ("In Donetsk, Eduard Basurin, a senior commander of the self-proclaimed Donetsk People's Republic, said "
     "the rebels had taken 300 soldiers prisoner.", "Donetsk People's Republic"),
    ("In Bambari, Serge Bozanga, a commander of the Coalition of Patriots for Change, said 200 soldiers had "
     "been killed.", "Coalition of Patriots for Change"),
])
def test_claims_people_and_the_bodies_they_serve(extract_text, text, source):
    assert _run(extract_text, text)[-1].source == source


@pytest.mark.parametrize("text,expected", [
    # a demonym before the people it describes: the people say the category (DRC, Lebanon, Sudan)
    ("The M23 said 1,200 Congolese soldiers had surrendered in Goma.", ("detained", "government", 1200)),
    ("An Israeli strike killed three Lebanese soldiers near Marjayoun, the army said.", ("killed", "government", 3)),
    ("Shelling killed 14 Sudanese civilians in El Fasher, medics said.", ("killed", "civilians", 14)),
])
def test_claims_demonym_then_people_noun(extract_text, text, expected):
    claims = _run(extract_text, text)
    assert [(c.quantity, c.category, c.value) for c in claims] == [expected], [c.rule for c in claims]


@pytest.mark.parametrize("text,expected", [
    # an initialism or two owners between the figure and its people (Gulf War, Syria, Afghanistan)
    ("Eleven U.S. Marines were killed near the border.", [("killed", "government", 11)]),
    ("The command reported 18 Saudi and Qatari soldiers killed.", [("killed", "government", 18)]),
    ("Twenty Russian and Syrian soldiers were killed in the ambush, the ministry said.", [("killed", "government", 20)]),
    # people words that name a thing are no people (Gulf War, Ukraine, Iraq)
    ("Coalition aircraft destroyed 24 tanks and 13 armored personnel carriers.", []),
    ("Ukrainian forces hit 5 armoured personnel carriers near Kupiansk.", []),
    ("Gunmen seized 3 troop carriers in Anbar.", []),
])
def test_claims_people_after_owners_and_not_things(extract_text, text, expected):
    claims = _run(extract_text, text)
    assert [(c.quantity, c.category, c.value) for c in claims] == expected, [c.rule for c in claims]


@pytest.mark.parametrize("text,expected", [
    # part of the people before and what happened to it (Liberia, El Salvador, Sudan)
    ("MSF treated 312 wounded people. Twenty-four of them died of their injuries.",
     [("injured", "total", 312), ("killed", "total", 24)]),
    ("Police detained 40 protesters; 12 of them were released on Sunday.",
     [("detained", "civilians", 40), ("released", "civilians", 12)]),
    ("The army said 300 fighters surrendered in El Fasher. 20 of them were wounded.",
     [("detained", "rebels", 300), ("injured", "rebels", 20)]),
    # who lost the dead: a state's unit or forces (Korea, Vietnam, Ukraine); a named side's own
    ("A staff officer said the division had lost 415 dead.", [("killed", "government", 415)]),
    ("South Vietnamese units lost 357 dead, he said.", [("killed", "government", 357)]),
    ("The rebels lost 40 dead in the assault on Kramatorsk, the army said.", [("killed", "rebels", 40)]),
    # people who leave a place or cross out of it are displaced (Tajikistan, Kashmir, Sudan); not trucks
    ("More than 60,000 Tajiks have crossed the Amu Darya into Afghanistan since May.", [("displaced", "total", 60000)]),
    ("About 25,000 people had left villages along the Line of Control.", [("displaced", "total", 25000)]),
    ("Some 5,000 people left El Geneina by road on Thursday.", [("displaced", "total", 5000)]),
    ("Some 200 trucks crossed into Gaza.", []),
    # crossing a border or a frontier is leaving the country (Hungary 1956, Sudan, Myanmar); soldiers are not displaced
    ("More than 3,000 Hungarians had crossed the frontier since Sunday morning.", [("displaced", "total", 3000)]),
    ("Some 20,000 Sudanese have crossed the border into Chad since April.", [("displaced", "total", 20000)]),
    ("About 8,000 Rohingya crossed the border near Maungdaw.", [("displaced", "total", 8000)]),
    ("About 200 soldiers crossed the border near Kupiansk.", []),
    # people moved or shifted to safer places or camps are displaced (Kashmir, Bangladesh, Nigeria); not troops
    ("The army moved 3,000 residents of the border villages to safer places.", [("displaced", "total", 3000)]),
    ("The government shifted 12,000 people to relief camps near Cox's Bazar.", [("displaced", "total", 12000)]),
    ("Some 2,000 people have been shifted to relief camps in Maiduguri.", [("displaced", "total", 2000)]),
    ("Commanders shifted 200 troops to safer positions.", []),
    # a crew is people, whose side the noun does not give (Mali, Yemen, Ukraine); a crew with no figure is none
    ("The rebels shot down a helicopter near Kidal, killing its four crew.", [("killed", "total", 4)]),
    ("The Houthis said the ship's 23 crew were taken hostage off Hodeidah.", [("detained", "total", 23)]),
    ("Three crewmen were wounded when the drone hit the tug near Odesa.", [("injured", "total", 3)]),
    ("A television crew was attacked in Kharkiv.", []),
    # prisoners of war are soldiers of a side; "taken prisoner", "held captive" say detained
    # (Iraq 2003, Nepal, Peru, Croatia)
    ("Coalition forces have taken more than 4,000 enemy prisoners of war.", [("detained", "government", 4000)]),
    ("In the fighting, 150 soldiers were killed, and 36 were taken prisoner of war.",
     [("killed", "government", 150), ("detained", "government", 36)]),
    ("About 6,000 Ashaninka people died and some 5,000 were held captive by Shining Path.",
     [("killed", "total", 6000), ("detained", "total", 5000)]),
    # attackers and intruders are people of a side (Ecuador, Kargil, Mali)
    ("All 13 attackers were arrested, police said.", [("detained", "rebels", 13)]),
    ("The spokesman claimed that more than 600 intruders had been killed in the Kargil sector.",
     [("killed", "combatants", 600)]),
    ("Soldiers killed 20 assailants near Mopti.", [("killed", "rebels", 20)]),
    # what a verb did to its object comes before a participle describing it (Iraq, Ukraine, Gaza)
    ("Daesh fighters killed some 1,700 air force cadets captured at Camp Speicher.", [("killed", "government", 1700)]),
    ("Forces captured 20 soldiers wounded in the battle for Avdiivka.", [("detained", "government", 20)]),
    ("An air strike killed 12 people displaced by the fighting in Rafah.", [("killed", "civilians", 12)]),
])
def test_claims_parts_losers_and_movers(extract_text, text, expected):
    claims = _run(extract_text, text)
    assert [(c.quantity, c.category, c.value) for c in claims] == expected, [c.rule for c in claims]


@pytest.mark.parametrize("outlet,text", [
    # an officer named by rank in a state body's own briefing speaks for that body (Gulf War,
    # Afrin, Iraq)
    ("US Central Command (briefing summary)", "Coalition forces have taken more than 400 Iraqi prisoners, "
     "General Neal said."),
    ("Turkish General Staff (briefing transcript)", "Colonel Aksoy said 40 terrorists were neutralised near Jinderes."),
    ("Iraqi Joint Operations Command", "Brigadier General Rasool said 62 terrorists were killed in western Mosul."),
])
def test_claims_officer_in_a_state_briefing_is_the_publisher(extractor, outlet, text):
    from sitrep.records import Article

    article = Article(id="p", text=text, content_hash="p", outlet=outlet, published=date(2024, 6, 1))
    (claim,) = extractor.extract(article).claims
    assert "claimant:publisher-officer" in claim.rule and claim.source_kind in ("government", "foreign_government")


@pytest.mark.parametrize("text,source", [
    # a body named in lower case by its head noun speaks as written (Libya, Afghanistan, Ukraine)
    ("Fighting in the capital killed 55 people, the emergency medicine centre said on Wednesday, in the worst "
     "violence this year.", "emergency medicine centre"),
    ("The provincial health department said 27 people were wounded in the blast in Kunduz.",
     "provincial health department"),
    ("The municipal burial office said 31 bodies had been buried in Bucha.", "municipal burial office"),
    # 'put its losses at N': the subject counts its own dead (DRC, Sudan)
    ("The South African National Defence Force later put its own losses at 13 soldiers.",
     "South African National Defence Force"),
    ("The Sudanese army put its losses in the battle at 40 soldiers.", "Sudanese Armed Forces"),
    # an armed group the actor files know speaks for itself, and 'the group' after it (Somalia, Sahel, DRC)
    ("Al-Shabaab fighters stormed the base at dawn. The militant group said it had killed 47 soldiers.", "al-Shabaab"),
    ("JNIM claimed in a message that it had killed some 300 militiamen in Barsalogho.", "JNIM"),
    ("M23 rebels advanced on Goma. The rebel group said 12 of its fighters were killed.", "M23"),
    # the end of a quotation is no part of the speaker's name, nor a rank (Somalia, Gaza, Ukraine)
    ('"We lost 23 of our men, among them a battalion commander," Captain Abdullahi Hassan said by phone.',
     "Abdullahi Hassan"),
    ('"Six of my relatives were killed in the strike, all of them children," Ahmed Nofal told reporters in Rafah.',
     "Ahmed Nofal"),
    ('"Nine soldiers were wounded overnight, two of them badly," Lieutenant Andriy Kovalenko said.',
     "Andriy Kovalenko"),
])
def test_claims_more_claimant_forms(extract_text, text, source):
    claims = _run(extract_text, text)
    assert claims and claims[-1].source == source, [(c.source, c.rule) for c in claims]


@pytest.mark.parametrize("text,expected", [
    # "were among those killed / among the dead / among the wounded" says what happened (DRC, Gaza, Sudan)
    ("Muyaya said three UN peacekeepers from South Africa were among those killed.", ("killed", "government", 3)),
    ("Two journalists were among the dead, the union said.", ("killed", "civilians", 2)),
    ("At least 12 children were among the wounded taken to the hospital in Omdurman.", ("injured", "civilians", 12)),
])
def test_claims_among_those_hit(extract_text, text, expected):
    claims = _run(extract_text, text)
    assert [(c.quantity, c.category, c.value) for c in claims] == [expected], [c.rule for c in claims]


@pytest.mark.parametrize("text,sources", [
    # a named speaker with no figure yet is whom "he" refers to in the next sentence (South Sudan)
    # (the claimants lexicon knows both speakers: the minister speaks for his government)
    ("Information Minister Michael Makuei said the town had fallen. "
     "He said 27 soldiers were still unaccounted for.", ["South Sudanese government"]),
    # a name and its role before the verb (Nigeria)
    ("Babagana Zulum, the Borno governor, said the attack was carried out by jihadists. "
     "He said 18 villagers were killed.", ["Borno State government"]),
    # ', said the attack was ...' reports what was said; it names no speaker (Mali)
    ("John Smith, the defence minister, said the attack was carried out by rebels. "
     "He said 27 soldiers were killed.", ["John Smith"]),
])
def test_claims_pronoun_after_named_speaker(extract_text, text, sources):
    assert [c.source for c in _run(extract_text, text)] == sources


@pytest.mark.parametrize("text,source", [
    # one half of a longer acronym is not the agency of the same letters (Mali: CSP-DPA, not dpa)
    ("The Strategic Framework for the Defence of the People of Azawad (CSP-DPA) said its fighters "
     "had killed 47 Malian soldiers.", "Strategic Framework for the Defence of the People of Azawad"),
    # a name that starts a compound modifier describes another body (Libya, Gaza)
    ("The U.N.-backed government's health ministry said 21 people had been killed in Tripoli.", ANY),
    ("The Hamas-run health ministry said 21 people had been killed in Rafah.", "Gaza Health Ministry"),
    # a dateline of two cities and an agency is not the claimant (India-Pakistan)
    ("ISLAMABAD/NEW DELHI, May 8 (AFP) — Pakistan said that 31 civilians had been killed.", "Pakistani government"),
])
def test_claims_modifier_and_dateline_are_not_claimants(extract_text, text, source):
    claims = _run(extract_text, text)
    assert claims, "no claim"
    if source is ANY:
        assert claims[0].source not in ("United Nations", "AFP"), claims[0].source
    else:
        assert claims[0].source == source


@pytest.mark.parametrize("text,expected", [
    # "Among them ..." opens a breakdown of the figure before, and is parsed for it (Kashmir, Sudan)
    ("At least 12 people were killed in the shelling in Poonch, police said. "
     "Among them were four children, a senior police officer told AFP.",
     [("killed", "total", 12), ("killed", "civilians", 4)]),
    ("The RSF attack killed 40 people in Al Jazirah. Among the dead were 11 women.",
     [("killed", "total", 40), ("killed", "civilians", 11)]),
])
def test_claims_breakdown_sentence_after_total(extract_text, text, expected):
    assert [(c.quantity, c.category, c.value) for c in _run(extract_text, text)] == expected


@pytest.mark.parametrize("text,sources", [
    # "Its spokesman, X, said": the body named before (South Sudan, Yemen)
    ("The SPLA-IO said the army had attacked its positions. "
     "Its spokesman, Lam Paul Gabriel, said 12 civilians were killed.", ["SPLA-IO"]),
    # a speech clause of its own keeps the figures before it from a later "according to" (a
    # story that names no state: no war's prime minister's office)
    ("The strike killed eight people, emergency services said, bringing the death toll to 24, "
     "according to the prime minister's office.", ["emergency services", "prime minister's office"]),
    # a name after a long apposition, and a comma before the verb (Nigeria)
    ("Gunmen abducted 23 passengers on the Maiduguri road, a member of the Civilian Joint Task "
     "Force (CJTF), Babakura Kolo, said.", ["Babakura Kolo"]),
])
def test_claims_attribution_forms_from_more_wars(extract_text, text, sources):
    assert [c.source for c in _run(extract_text, text)] == sources


@pytest.mark.parametrize("text,category", [
    # a force fighting for a state abroad is government (GUIDE.md: Wagner for Russia; Mali)
    ("Rebels said they killed 84 Wagner fighters near Tinzaouatene.", "government"),
    # police and guards named after "members of" (Iraq, Ukraine)
    ("The blast killed 3 members of the Federal Police, the ministry said.", "government"),
    ("Twelve members of the National Guard were wounded in Bakhmut.", "government"),
    # rebels stay rebels (DRC)
    ("The army said it killed 40 M23 fighters near Sake.", "rebels"),
])
def test_claims_category_of_state_forces_abroad_and_police(extract_text, text, category):
    assert _run(extract_text, text)[0].category == category


@pytest.mark.parametrize("text,expected", [
    # military jargon for killing, and forces' words for their men (Chechnya, Iraq, Sri Lanka)
    ("The ministry said federal forces destroyed up to 170 bandits in the gorge.", ("killed", "rebels", 170)),
    ("The US military says two Marines were killed in Fallujah.", ("killed", "government", 2)),
    ("Troops killed at least 125 LTTE cadres near Mullaitivu, the army said.", ("killed", "rebels", 125)),
    # people held as hostages are detained (Pakistan)
    ("Gunmen were holding 214 people hostage on the train, officials said.", ("detained", "total", 214)),
])
def test_claims_more_words_for_killing_and_holding(extract_text, text, expected):
    c = _run(extract_text, text)[0]
    assert (c.quantity, c.category, c.value) == expected, c.rule


@pytest.mark.parametrize("text,sources", [
    # the subject of a relative clause's speech verb is the noun it describes (Pakistan, Somalia)
    ("The BLA, which said on Tuesday that it had executed 50 hostages, gave no evidence.",
     ["Balochistan Liberation Army"]),
    ("Al-Shabaab, which claimed it had killed 30 soldiers, posted photos online.", ["al-Shabaab"]),
    # "the agency" is the agency speaking (Chechnya, Sudan)
    ("The UNHCR said the fighting had forced 12,000 people to flee. About 37,000 people were already "
     "displaced before the offensive, the agency added.", ["UNHCR", "UNHCR"]),
])
def test_claims_relative_subject_and_the_agency(extract_text, text, sources):
    assert [c.source for c in _run(extract_text, text)] == sources


@pytest.mark.parametrize("text,expected", [
    # "Of the N ..., A were X and B were Y" breaks the opening figure down (Darfur, Sri Lanka)
    ("Of the 136 people killed, 93 were adult men, 27 were women and 16 were children.",
     [("killed", "total", 136), ("killed", "total", 93), ("killed", "civilians", 27), ("killed", "civilians", 16)]),
    ("Of the 6,432 deaths recorded in Vanni, 1,085 were children.",
     [("killed", "total", 6432), ("killed", "civilians", 1085)]),
    # a figure with its own casualty verb is not part of the breakdown (Yemen)
    ("Of the 40 people killed in Hodeidah, 12 were soldiers, and 30 others were wounded.",
     [("killed", "total", 40), ("killed", "government", 12), ("injured", "total", 30)]),
])
def test_claims_of_the_whole_breakdown(extract_text, text, expected):
    assert [(c.quantity, c.category, c.value) for c in _run(extract_text, text)] == expected


@pytest.mark.parametrize("text,expected", [
    # people named by a two-word demonym (CAR, South Sudan, Sri Lanka)
    ("About 1,500 Central Africans crossed the river into Zongo, the UNHCR said.", ("displaced", "total", 1500)),
    ("Some 20,000 South Sudanese fled to Gambella last month.", ("displaced", "total", 20000)),
    ("Two Sri Lankans were killed in the blast in Colombo.", ("killed", "total", 2)),
    # evacuated foreigners are displaced civilians (Chad)
    ("French troops evacuated some 1,300 foreigners from N'Djamena.", ("displaced", "civilians", 1300)),
])
def test_claims_demonym_people_and_evacuees(extract_text, text, expected):
    c = _run(extract_text, text)[0]
    assert (c.quantity, c.category, c.value) == expected, c.rule


@pytest.mark.parametrize("text,expected", [
    # "its soldiers" are the speaker's side, a non-state army's too (Libya, Ukraine)
    ("The LNA said 14 of its soldiers had been killed near Gharyan.", ("rebels", "Libyan National Army")),
    ("The army said 5 of its soldiers were wounded in Kherson.", ("government", ANY)),
    # a known name with "and" inside is one claimant (Kashmir)
    ("The Jammu and Kashmir Police said 3 militants were killed in Kupwara.", ("rebels", "Jammu and Kashmir Police")),
])
def test_claims_own_soldiers_and_names_with_and(extract_text, text, expected):
    c = _run(extract_text, text)[0]
    assert c.category == expected[0] and (expected[1] is ANY or c.source == expected[1]), (c.category, c.source)


@pytest.mark.parametrize("text", [
    # a place's population is no count of people something happened to (Sierra Leone, DRC, Gaza)
    "The war has driven more than a third of Sierra Leone's 4.5 million people from their homes.",
    "The rebels said the city of about two million people had been liberated.",
    "Nearly all of the enclave's estimated 2.3 million residents have fled at least once.",
    # the loss of things is no death (Ukraine-like)
    "The army reported the loss of 12 vehicles and three tanks near Kupiansk.",
])
def test_claims_population_is_no_claim(extract_text, text):
    assert _run(extract_text, text) == []


@pytest.mark.parametrize("text,expected", [
    # "left N dead": the object predicate says what happened, not the capture before it (Angola, Sri Lanka, Syria)
    ("UNITA captured Huambo after a 55-day siege that left an estimated 10,000 people dead.", ("killed", "total", 10000)),
    ("The army took Jaffna after a siege that left 2,000 people dead, the ICRC said.", ("killed", "total", 2000)),
    ("The barrel bombs left 40 people dead in the old city.", ("killed", "total", 40)),
    # movement across a border is displacement, with or without a people noun (Rwanda, Eritrea, Sudan)
    ("More than 250,000 Rwandans poured across a bridge into Tanzania in 24 hours.", ("displaced", "total", 250000)),
    ("Some 40,000 have crossed into Sudan since the offensive began.", ("displaced", "total", 40000)),
    ("About 15,000 refugees streamed into Chad in a single week.", ("displaced", "total", 15000)),
    # farmers' and believers' words for civilians (Peru, Nepal, DRC)
    ("An army patrol killed 62 peasants in Accomarca.", ("killed", "civilians", 62)),
    ("The regime has murdered more than 6,000 innocent people since 1996.", ("killed", "civilians", 6000)),
    ("Militiamen killed 14 pilgrims on the road to Beni.", ("killed", "civilians", 14)),
    # -ist nouns of armed movements are rebels (Nepal, Algeria)
    ("The army said 500 Maoists were killed in Beni.", ("killed", "rebels", 500)),
    ("Police said they had arrested 12 Islamists near Blida.", ("detained", "rebels", 12)),
    # more words for killing and taking (Nepal, Burkina Faso, Peru)
    ("More than 150 soldiers were annihilated in the fighting at Beni.", ("killed", "government", 150)),
    ("Rights groups documented the abduction of at least 20 women near Barsalogho.", ("detained", "civilians", 20)),
    ("The commission recorded 4,414 cases of forced disappearance.", ("missing", "total", 4414)),
    # a jawan is a soldier or a paramilitary policeman in South Asian news (India, Pakistan, Bangladesh)
    ("Three CRPF jawans were killed in an IED blast in Sukma.", ("killed", "government", 3)),
    ("Seven jawans were injured when militants attacked the post in Kupwara.", ("injured", "government", 7)),
    ("Two BGB jawans were wounded in the firing near the Teknaf border.", ("injured", "government", 2)),
    # escaped prisoners recaptured or rearrested are detained again (Ecuador 2024, Pakistan, Haiti-like)
    ("Sixteen of the escapees have since been recaptured, the prison service said.", ("detained", "prisoners", 16)),
    ("Police rearrested 40 escaped prisoners near Bannu.", ("detained", "prisoners", 40)),
    ("Troops recaptured 120 inmates who fled the Croix-des-Bouquets prison.", ("detained", "prisoners", 120)),
    # "the loss of N soldiers" is their death, as "lost N soldiers" is (Burkina Faso 2019, Ukraine, Mali-like)
    ("The Government deplores the loss of 17 soldiers on the field of honour at Koutougou.", ("killed", "government", 17)),
    ("The ministry confirmed the loss of 21 soldiers near Bakhmut.", ("killed", "government", 21)),
    ("The army announced the loss of nine soldiers in the ambush near Boni.", ("killed", "government", 9)),
    # "sacrificed their lives" is a death (Kokang, Nepal, Sri Lanka-like)
    ("In these battles, 31 MNDAA fighters sacrificed their lives near Laukkai.", ("killed", "rebels", 31)),
])
def test_claims_words_of_more_wars(extract_text, text, expected):
    claims = _run(extract_text, text)
    assert [(c.quantity, c.category, c.value) for c in claims] == [expected], [c.rule for c in claims]


@pytest.mark.parametrize("text,source", [
    # a cleric or a priest speaks for himself (Myanmar, Nigeria, Sudan)
    ("Soldiers opened fire on the market, killing 14 villagers, a local priest said.", "local priest"),
    ("Gunmen killed 23 worshippers in Owo, the imam said.", "imam"),
    # "the agency" in a wire story: the UN agency named just before, not the wire (Rwanda, Sudan)
    ("NGARA, Tanzania, April 30 (AP) - More than 250,000 Rwandans fled into Tanzania, the U.N. High "
     "Commissioner for Refugees said. The refugees crossed at Rusumo, aid workers said. Another 40,000 "
     "have fled into Burundi, the agency said.", "United Nations"),
])
def test_claims_more_speakers(extract_text, text, source):
    claims = _run(extract_text, text)
    assert claims and claims[-1].source == source, [(c.source, c.rule) for c in claims]


@pytest.mark.parametrize("text,source", [
    # initials keep the dot that ends the sentence (Angola, Iraq)
    ("The war has killed more than 100,000 people, according to U.N. estimates.", "United Nations"),
    ("The attack killed 12 people, the U.S. military said.", "US military"),
    # a record of no one named is no claimant (Falklands, Ukraine, Sudan)
    ("Initial reports indicate that some 250 Argentine troops were killed in the battle.", None),
    ("Preliminary figures show 40 people were killed in Kherson.", None),
    ("Early reports suggest 30 civilians died in El Geneina.", None),
    # a liveblog entry or headline that names its source before a colon (DRC, Gaza)
    ("08:15 - South Africa's defence force: nine of its soldiers have been killed near Goma.",
     "South Africa's defence force"),
    ("Health ministry: 40 killed in strikes on Khan Younis.", "Health ministry"),
    # after a fronted place, the role and the name in apposition speak (Somalia, Syria)
    ("At Madina hospital in Mogadishu, the director, Mohamed Yusuf, said 16 wounded soldiers were flown in.",
     "Mohamed Yusuf"),
    ("In Aleppo, the hospital's director, Ahmed Hamdo, said 25 people had died.", "Ahmed Hamdo"),
])
def test_claims_speaker_forms_of_more_outlets(extract_text, text, source):
    claims = _run(extract_text, text)
    assert claims and claims[-1].source == source, [(c.source, c.rule) for c in claims]


@pytest.mark.parametrize("text,bad", [
    # when the statement was made is no part of its speaker's name (Algeria, Yemen)
    ("A security communique on Wednesday said troops had killed 27 militants near Blida.", "Wednesday"),
    ("The Houthi health office late on Sunday night said 9 people died in Hodeidah.", "Sunday"),
    # a briefing transcript's label is no part of the name (Iraq)
    ("Q: General, the information minister said Iraqi forces killed 40 soldiers.", "Q:"),
])
def test_claims_speaker_name_without_time_or_label(extract_text, text, bad):
    claims = _run(extract_text, text)
    assert claims and all(bad not in (c.source or "") for c in claims), [(c.source, c.rule) for c in claims]


@pytest.mark.parametrize("sentence, expected", [
    ("The Sudan Doctors Network said 12 were killed and 30 wounded in El Fasher.", {"killed", "injured"}),
    ("UNHCR said 5,000 people had fled Mirebalais since Sunday.", {"displaced"}),
    ("The ministry said the talks would resume in Doha.", set()),
    ("", set()),
])
def test_claims_reporter_quantities_are_what_its_sentence_speaks_of(sentence, expected):
    """Found when a figure asks (``Reporter.quantities``), from the sentence that named it."""
    from sitrep.extract.claims.context import Reporter
    from sitrep.records import Claimant

    reporter = Reporter(Claimant("Sudan Doctors Network", "medical"), 3, 1, "claimant:said", sentence)
    assert reporter.quantities == frozenset(expected)


def test_claims_captured_places_are_no_people(extract_text):
    # "captured 12 villages" after a count of people counts no one (Syria-like)
    claims = _run(extract_text, "The army killed 25 rebels and captured 12 villages near Idlib.")
    assert [(c.quantity, c.value) for c in claims] == [("killed", 25)]


def test_claims_spokesman_label_is_the_publisher(extract_text):
    # a briefing transcript's SPOKESMAN speaks for the body that publishes it, and "our" in his
    # line is that body's, after he quoted the other side (Falklands-like; Kenya, Iraq briefings)
    text = ("SPOKESMAN: The 68 Royal Marines captured in April were repatriated. Argentine officers have told our "
            "people that around 50 of their men died. Our field hospital has treated about 300 wounded.")
    claims = extract_text(text, outlet="Ministry of Defence briefing transcript").claims
    got = {c.value: c.source for c in claims}
    assert got == {68: "Ministry of Defence", 50: "Argentine army", 300: "Ministry of Defence"}, got


def test_claims_institution_named_by_its_noun_alone(extract_text):
    # "the hospital" named before, then "The hospital staff told": the staff speak for no named
    # institution, and reading it must not point back to itself forever (Grenada-like briefing)
    text = ("A shell struck the hospital near St George's on Wednesday. The hospital staff told reporters 12 "
            "patients died.")
    claims = extract_text(text).claims
    assert [(c.quantity, c.value) for c in claims] == [("killed", 12)]


@pytest.mark.parametrize("outlet,text,expected", [
    # a state's losses in its own ministry's briefing are its forces', and its BRIEFER speaks
    # for the ministry (Grenada, Falklands, Iraq-like briefings)
    ("US Department of Defense (transcript)",
     "BRIEFER: As of noon today, U.S. losses are 11 killed in action, 67 wounded and 7 missing.",
     [("killed", "government", 11, "US Department of Defense"), ("injured", "government", 67, "US Department of Defense"),
      ("missing", "government", 7, "US Department of Defense")]),
    ("Russian Ministry of Defence briefing",
     "BRIEFER: Russian losses in the operation are 12 killed and 40 wounded.",
     [("killed", "government", 12, ANY), ("injured", "government", 40, ANY)]),
])
def test_claims_briefing_state_losses(extract_text, outlet, text, expected):
    claims = extract_text(text, outlet=outlet).claims
    got = [(c.quantity, c.category, c.value, c.source) for c in claims]
    assert len(got) == len(expected), got
    for g, e in zip(got, expected):
        assert g[:3] == e[:3] and (e[3] is ANY or g[3] == e[3]), got


# --- Stop 33: sets AE and AF's mechanisms -------------------------------------------------

def _assert_first_source(extract_text, text: str, source: str) -> None:
    claims = extract_text(text).claims
    assert claims and claims[0].source == source, [(c.value, c.source) for c in claims]


def test_claims_heading_line_is_no_persons_first_name(extract_text):
    # a heading in capitals over a line that opens with a town and its description is no
    # person "SITUATION OVERVIEW Tukaraq" (set AE's OCHA update; Sool, Hiiraan, Kachin lines)
    text = ("SITUATION OVERVIEW\nBeledweyne, a market town on the Shabelle river, has been calm since May.\n"
            "Elders in Beledweyne estimate that 20 to 30 fighters were killed on 15 May.")
    claims = extract_text(text).claims
    assert [(c.quantity, c.low, c.high) for c in claims] == [("killed", 20, 30)]
    assert "\n" not in (claims[0].source or "") and "OVERVIEW" not in (claims[0].source or "")


@pytest.mark.parametrize("outlet,text,expected", [
    # "On our side" in a party's own release: the party's losses (Azawad-, Shan- and
    # Mindanao-like releases of armed movements no claimant file knows)
    ("Azawad Liberation Front press release",
     "The Azawad Liberation Front informs the public that its forces repelled the column.\n"
     "- On our side: 9 martyrs and 12 wounded.",
     [("killed", "rebels", 9), ("injured", "rebels", 12)]),
    ("Statement of the Northern Alliance",
     "STATEMENT OF THE NORTHERN ALLIANCE\nOur troops attacked the outposts at Mong Ko. On our side, nine comrades "
     "sacrificed their lives and 17 were wounded.",
     [("killed", "rebels", 9), ("injured", "rebels", 17)]),
    ("Bangsamoro Liberation Movement statement",
     "On our side, four mujahideen were martyred in the fighting near Datu Piang.",
     [("killed", "rebels", 4)]),
])
def test_claims_on_our_side_is_the_speakers_party(extract_text, outlet, text, expected):
    claims = extract_text(text, outlet=outlet).claims
    assert [(c.quantity, c.category, c.value) for c in claims] == expected


@pytest.mark.parametrize("text,expected", [
    # a part of civilians named by a people's name alone, or by a nationality, is civilians
    # (Xinjiang-, Kurdistan- and Donbas-like items)
    ("The agency said 37 civilians were killed, 35 of them Han, and 13 other people were injured.",
     [("killed", "civilians", 37), ("killed", "civilians", 35), ("injured", "total", 13)]),
    ("The ministry said 12 civilians were killed, including 10 Kurds and two Arabs.",
     [("killed", "civilians", 12), ("killed", "civilians", 10), ("killed", "civilians", 2)]),
    ("The strike killed 20 civilians, among them three Russians, the Ukrainian army said.",
     [("killed", "civilians", 20), ("killed", "civilians", 3)]),
])
def test_claims_part_of_civilians_is_civilians(extract_text, text, expected):
    assert [(c.quantity, c.category, c.value) for c in extract_text(text).claims] == expected


def test_claims_acronym_of_a_translated_name_names_the_publisher(extract_text):
    # a release headed by its body's name in capitals and its acronym (a French one, with a
    # hyphen) speaks as that body, in its usual case; "for the Defence of" names a movement
    text = ("PERMANENT STRATEGIC FRAMEWORK FOR THE DEFENCE OF THE PEOPLE OF AZAWAD (CSP-DPA)\n"
            "The Permanent Strategic Framework for the Defence of the People of Azawad (CSP-DPA) informs national "
            "and international opinion of the following:\n- On our side: 9 martyrs and 12 wounded.\n"
            "The CSP-DPA said a drone strike killed four civilians at a well.")
    claims = extract_text(text, outlet="CSP-DPA press release").claims
    assert [(c.quantity, c.category, c.value) for c in claims] == [
        ("killed", "rebels", 9), ("injured", "rebels", 12), ("killed", "civilians", 4)]
    assert claims[-1].source == "Permanent Strategic Framework for the Defence of the People of Azawad"


@pytest.mark.parametrize("text,source", [
    # "the agency" after a state news agency was named is that agency (Xinhua, KCNA, APS)
    ("According to Xinhua, a gang attacked the police station in Elixku. The agency said 37 civilians were killed.",
     "Xinhua"),
    ("KCNA reported on the shelling on Tuesday. The agency said 14 soldiers were wounded.", "Korean Central News Agency"),
    ("The Algeria Press Service carried the statement. The agency said 29 terrorists were killed.",
     "Algeria Press Service"),
])
def test_claims_the_agency_is_the_news_agency_named_before(extract_text, text, source):
    claims = extract_text(text).claims
    assert claims and claims[-1].source == source, [(c.value, c.source) for c in claims]


def test_claims_the_association_is_the_association_named_before(extract_text):
    # Gezi-, Kenya- and Nicaragua-like liveblogs: a medical or bar association's figures
    text = ("The Turkish Medical Association has published new figures. Three people have died, according to "
            "the association: two protesters and a police officer.")
    claims = extract_text(text).claims
    assert [(c.quantity, c.category, c.value, c.source) for c in claims] == [
        ("killed", "total", 3, "Turkish Medical Association"), ("killed", "civilians", 2, "Turkish Medical Association")]


@pytest.mark.parametrize("text,expected", [
    # singular people nouns in a breakdown or as the figure's noun (Indonesian, Vietnamese and
    # Turkish items)
    ("One officer was held hostage by the rioters.", [("detained", "government", 1)]),
    ("The attacks killed nine people, including four police officers, two teachers of the commune and a "
     "villager.", [("killed", "total", 9), ("killed", "government", 4), ("killed", "civilians", 2)]),
    # (both victims of "A villager and one policeman": GUIDE.md's breakdown is a claim each)
    ("A villager and one policeman were killed when the rebels attacked the post.",
     [("killed", "civilians", 1), ("killed", "government", 1)]),
    ("Police have detained at least 50 lawyers who staged a protest at the courthouse.",
     [("detained", "civilians", 50)]),
])
def test_claims_occupations_and_singular_nouns(extract_text, text, expected):
    assert [(c.quantity, c.category, c.value) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,expected", [
    # one victim joined by "and" to others the verb counts with it, after or before them
    # (Pakistan, Ukraine, Mali, Gaza); a relative after "and" is the family's count
    ("Three policemen and a civilian were killed in the blast in Quetta, police said.",
     [("killed", "government", 3), ("killed", "civilians", 1)]),
    ("A soldier and two civilians died in the shelling of Kharkiv.",
     [("killed", "government", 1), ("killed", "civilians", 2)]),
    ("A soldier and a civilian were wounded in the attack on Gao.",
     [("injured", "government", 1), ("injured", "civilians", 1)]),
    ("A woman and her two children were killed in the strike on Rafah.", [("killed", "civilians", 3)]),
    ("Fourteen people, a soldier and 13 civilians, were killed in Kidal.",
     [("killed", "total", 14), ("killed", "civilians", 13)]),
])
def test_claims_one_victim_joined_to_others(extract_text, text, expected):
    assert [(c.quantity, c.category, c.value) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,expected", [
    # the part's people named right after "of them" (Ukraine, Sudan, Mali)
    ("Nine people, six of them children, were killed when a shell hit a market in Donetsk.",
     [("killed", "total", 9), ("killed", "civilians", 6)]),
    ("At least 40 people, 12 of them women, died in the raid on El Fasher.",
     [("killed", "total", 40), ("killed", "civilians", 12)]),
    ("Some 300 people, 50 of them soldiers, were wounded in Kidal.",
     [("injured", "total", 300), ("injured", "government", 50)]),
])
def test_claims_part_named_after_of_them(extract_text, text, expected):
    assert [(c.quantity, c.category, c.value) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,source", [
    # a communique read out over several paragraphs, only the last one closing its quote, is
    # its issuer's (Niger-, Burkina- and Chad-like agency items)
    ('NIGER: ARMY POST ATTACKED NEAR THE MALIAN BORDER\nNiamey, 12 December (ANP) - The following is the text of the communique of the Ministry of National '
     'Defence read on state television on Wednesday.\n"On Tuesday the military post of Inates was attacked by '
     'terrorists.\nThe fighting was of rare violence.\nThe provisional toll on our side is 71 killed and 12 '
     'wounded."', "Defence"),
    ('Ouagadougou, 5 May - The following is the full text of the statement issued by the Armed Forces General '
     'Staff.\n"Units of the army engaged a terrorist group near Djibo.\nThe toll on our side is 9 soldiers killed."',
     "General Staff"),
])
def test_claims_running_quote_is_its_issuers(extract_text, text, source):
    claims = extract_text(text).claims
    assert claims and all(c.source and source in c.source for c in claims), [(c.value, c.source, c.rule) for c in claims]
    assert all("quote-runs" in c.rule for c in claims)


def test_claims_unclosed_quote_runs_out(extract_text):
    # a stray quote mark left open is no quotation for the rest of a long article
    lines = ['The army said: "Our units entered the town.'] + [f"Line {i} says nothing about anyone." for i in range(12)]
    text = "\n".join(lines + ["Twelve civilians were killed in the market."])
    claims = extract_text(text).claims
    assert [(c.value, c.source) for c in claims] == [(12, None)]


@pytest.mark.parametrize("phrase,name", [
    # a body's seat is no part of its name (Saudi, Somali, Malian bodies)
    ("Joint Forces Command in Riyadh", "Saudi Joint Forces Command"),
    ("Ministry of Defence in Mogadishu", "Somali Ministry of Defence"),
    # a long name in capitals with no seat comes back as it is, at once (the nested pattern
    # before stop 33 backtracked for minutes over it)
    ("PERMANENT STRATEGIC FRAMEWORK FOR THE DEFENCE OF THE PEOPLE OF AZAWAD AND ITS ALLIES TODAY",
     "PERMANENT STRATEGIC FRAMEWORK FOR THE DEFENCE OF THE PEOPLE OF AZAWAD AND ITS ALLIES TODAY"),
])
def test_claims_seat_of_a_body_is_no_part_of_its_name(phrase, name):
    from sitrep.extract.claimant_names import seated_name

    assert seated_name(phrase) == name


@pytest.mark.parametrize("text,expected", [
    # the outlet's own count is no one else's, whoever spoke before (US, Sudan, Mexico-like)
    ("Capitol Police said 140 officers were injured. By our count, that brings the number of people who died in "
     "connection with the siege to five.", [(140, "Capitol Police"), (5, None)]),
    ("The army said 30 soldiers were killed in El Fasher. By our own tally, 12 more civilians died there on Friday.",
     [(30, ANY), (12, None)]),
])
def test_claims_own_count_is_the_outlets(extract_text, text, expected):
    got = [(c.value, c.source) for c in extract_text(text).claims]
    assert len(got) == len(expected) and all(e[1] is ANY or g == e for g, e in zip(got, expected)), got


@pytest.mark.parametrize("text,expected", [
    # people a hospital or an aid body treated from the violence were hurt (US, Lebanon, Chile-like)
    ("George Washington University Hospital told us it treated nine patients from the riot.", [("injured", 9)]),
    ("The Red Crescent said it treated 120 people after the clashes in Tripoli.", [("injured", 120)]),
    ("Doctors at the Posta Central said they treated 45 people injured in the protests.", [("injured", 45)]),
    # patients of no violence are no casualties
    ("The clinic treated 3,000 patients last month, mostly for malaria.", []),
])
def test_claims_treated_from_the_violence_is_injured(extract_text, text, expected):
    assert [(c.quantity, c.value) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,source", [
    # a caller who names his own role speaks for the body he names (Central Asia, Kashmir, Sahel)
    ("Fighters of the Islamic Movement of Uzbekistan (IMU) crossed the border in August. A man who introduced "
     "himself as an IMU spokesman told the radio that 50 soldiers had been killed.",
     "Islamic Movement of Uzbekistan"),
    ("A caller identifying himself as a Taliban spokesman told AFP that 12 policemen were killed in Kunduz.",
     "Taliban"),
])
def test_claims_self_named_speaker_speaks_for_the_role(extract_text, text, source):
    _assert_first_source(extract_text, text, source)


def test_claims_the_commander_is_whoever_is_speaking(extract_text):
    # "the commander said" after an agency quoted a state's commander is that commander, not an
    # armed group named before (Kyrgyzstan, Mali, Colombia-like digests)
    text = ("Fighters of the Islamic Movement of Uzbekistan attacked Kara-Teyit on Sunday.\n"
            "Government troops have regained control of the Zardaly gorge, the agency quoted the commander of the "
            "southern operational group as saying. Up to 20 militants were killed in the operation, the commander said.")
    claims = extract_text(text).claims
    assert [(c.value, c.category) for c in claims] == [(20, "rebels")]
    assert claims[0].source != "Islamic Movement of Uzbekistan"


@pytest.mark.parametrize("text,name", [
    # the shortest run of words that spells an acronym is its name, not the body named before
    # it in the same list (Pakistan, Lebanon, Ethiopia-like)
    ("Speakers: the Information Minister of Khyber Pakhtunkhwa and the Inspector General of Police (IGP).",
     "Inspector General of Police"),
    ("Lebanon's Ministry of Public Health (MoPH) gave new figures.", "Lebanese Health Ministry"),
    ("The Amhara Association of America (AAA) published a list.", "Amhara Association of America"),
])
def test_claims_acronym_is_the_shortest_name_that_spells_it(extract_text, text, name):
    from sitrep.extract import default_extractor
    from sitrep.extract.claims.defined_names import local_names

    lex = default_extractor().claimants
    acronym = text[text.index("(") + 1:text.index(")")]
    assert local_names(text, lex, ["PK", "LB", "ET"])[acronym].name == name


@pytest.mark.parametrize("text,expected", [
    # where part of a group is stays no new figure; what befell it is one (Somalia, Gaza, Sudan-like)
    ("About 15,000 people have fled Tukaraq. Nearly 9,000 of the displaced are staying with relatives in Buuhoodle.",
     [("displaced", 15000)]),
    ("The hospital in Khan Younis received 300 wounded. About 200 of the wounded are in intensive care.",
     [("injured", 300)]),
    ("The hospital in El Obeid received 300 wounded; nearly 57 of the wounded died overnight.",
     [("injured", 300), ("killed", 57)]),
])
def test_claims_partitive_whereabouts_is_no_figure(extract_text, text, expected):
    assert [(c.quantity, c.value) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,expected", [
    # displacement in plain words of local dailies and district officers (Indonesia, Malaysia, Congo-like)
    ("The church crisis centre said that nearly 15,000 people already run away from the villages to Tentena.",
     [("displaced", 15000)]),
    ("The fighting has made more than 80,000 persons become refugees since 1998, the regency government said.",
     [("displaced", 80000)]),
    ("About 300 villagers were moved out by the army to a school in Lenggong, the district officer said.",
     [("displaced", 300)]),
    ("The siege of Dammaj ended with the evacuation of thousands of students.", [("displaced", None)]),
    ("The expulsion of 20,000 Rohingya from Maungdaw was condemned.", [("displaced", 20000)]),
])
def test_claims_displacement_in_plain_words(extract_text, text, expected):
    assert [(c.quantity, c.value) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,expected", [
    # a number that ends a name is no count (Indonesian, US, Mali-like unit names)
    ("In connection with the incident, officers from Densus 88 arrested two women near the compound.",
     [("detained", 2)]),
    ("Commandos of Task Force 121 killed 14 militants near Tikrit.", [("killed", 14)]),
    # a weekday or a month before a count is no name
    ("The army said on Monday 12 people were killed in Gao.", [("killed", 12)]),
])
def test_claims_number_of_a_name_is_no_figure(extract_text, text, expected):
    assert [(c.quantity, c.value) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,expected", [
    # a state's regular forces and a criminal faction's members have their sides (Sudan, Brazil, Mexico-like)
    ('Kabbashi said two members of the regular forces had been killed and seven wounded by "infiltrators".',
     [("killed", "government", 2), ("injured", "government", 7)]),
    ("The official count is 121 dead: 117 suspects linked to the criminal faction and the four officers.",
     [("killed", "total", 121), ("killed", "rebels", 117), ("killed", "government", 4)]),
    ("Police killed 14 members of the cartel in Culiacan.", [("killed", "rebels", 14)]),
])
def test_claims_regular_forces_and_criminal_factions(extract_text, text, expected):
    assert [(c.quantity, c.category, c.value) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,expected", [
    # "N of them" at a named place is a part of the sentence's figure (US, Mali, Kenya-like)
    ("Police say at least 68 people have been arrested since yesterday, 41 of them on the Capitol grounds.",
     [("detained", 68), ("detained", 41)]),
    ("Thirty people were arrested, 12 of them in Gao.", [("detained", 30), ("detained", 12)]),
    ("The strikes killed 40 people in Kisumu, 12 of them in their homes.", [("killed", 40)]),
    # "including N in <Place>": the same part by place, with or without a list after it
    # (Kosovo 1999-like, Gaza, DR Congo)
    ("The agency said 850,000 refugees had left, including 444,000 in Albania and 247,000 in Macedonia.",
     [("displaced", 850000), ("displaced", 444000), ("displaced", 247000)]),
    ("The ministry said 300 people were killed, including 120 in Gaza City.", [("killed", 300), ("killed", 120)]),
    ("Some 90,000 people fled, among them about 30,000 in Goma, officials said.",
     [("displaced", 90000), ("displaced", 30000)]),
    ("At least 60 soldiers were killed, including 20 in the ambush.", [("killed", 60)]),
])
def test_claims_part_of_them_by_place(extract_text, text, expected):
    assert [(c.quantity, c.value) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,expected", [
    # a council of mujahideen counting its own losses is an armed party; the enemy's dead after
    # its own are the other side's (Iraq, Somalia, Syria-like statements)
    ("Our losses in the battle are 9 dead, and the enemy left 40 dead.",
     [("killed", "rebels", 9), ("killed", "government", 40)]),
    ("Our losses were light, while the enemy lost 200 dead and 50 wounded in the assault.",
     [("killed", "government", 200), ("injured", "government", 50)]),
    # the enemy's attack on a side's own soldiers leaves them that side's
    ("The enemy attacked the post near Baidoa and killed 12 soldiers.", [("killed", "government", 12)]),
])
def test_claims_armed_council_and_its_enemy(extract_text, text, expected):
    claims = extract_text(text, outlet="Mujahideen Shura Council statement").claims
    assert [(c.quantity, c.category, c.value) for c in claims] == expected


@pytest.mark.parametrize("text,expected", [
    # people held against their will are detained; a count that "becomes" N has reached it
    # (Ecuador, Myanmar, Nigeria-like local English)
    ("Ten police officers were retained against their will for most of the day.", [("detained", 10)]),
    ("Three aid workers were held against their will at the checkpoint near Kismayo.", [("detained", 3)]),
    ("According to the township administration, the number of the people who fled from the villages become "
     "3,400 until Saturday.", [("displaced", 3400)]),
])
def test_claims_held_against_their_will_and_a_count_that_becomes(extract_text, text, expected):
    assert [(c.quantity, c.value) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,source", [
    # a dateline town in the usual case, then a date, names the story's state: a neighbour's body
    # named later does not make its state the story's (Bolivia-Brazil, Somalia-Ethiopia dailies)
    ("Pando: government raises the number of dead\nCobija, Sunday 14 of September 2008 - Redaction\n"
     "The Minister of Government said that the number of dead in the confrontation in the Bolivian town of El "
     "Porvenir rose to 16 persons, after more bodies were found in the river Tahuamanu near Filadelfia.\n"
     "The prefect of Pando, Leopoldo Fernandez, was detained in Cobija on Tuesday.\n"
     "Near the frontier, the authorities of the Brazilian state of Acre said nearly 1,000 campesinos crossed the "
     "river, escaping from the violence.", "Bolivian Ministry of Government"),
    ("Fighting in Hiiraan\nBeledweyne, Friday 3 March 2023 - Staff reporter\nThe Minister of Defence said that 12 "
     "soldiers were killed in the fighting in the Somali town of Jalalaqsi, near Bulo Burte and Mahas.\n"
     "The governor of Hiiraan visited the wounded in Beledweyne on Saturday.\nAcross the border, the authorities of "
     "the Ethiopian regional state of Somali said nearly 3,000 herders crossed into Ferfer, escaping from the "
     "fighting.", "Somali Defence Ministry"),
])
def test_claims_town_dateline_keeps_the_story_state(extract_text, text, source):
    _assert_first_source(extract_text, text, source)


@pytest.mark.parametrize("text,source", [
    # a state's portfolio in capitals with no state named is the article's state's (Mali,
    # Ukraine, Myanmar-like)
    ("Fighting near Kidal, in northern Mali.\nThe Defence Ministry said that 14 soldiers had been killed near Kidal.",
     "Malian Defence Ministry"),
    ("Fighting near Kharkiv, in Ukraine.\nThe Defence Ministry said that 14 soldiers had been killed near Kharkiv.",
     "Ukrainian Defence Ministry"),
    ("Fighting near Myawaddy, in Karen State, Myanmar.\nThe Defence Minister said that 14 soldiers had been killed "
     "near Myawaddy.", "Burmese Defence Ministry"),
    # a neighbour's file's alias for the words is not the lead state's body (Venezuela-Colombia digest)
    ("Venezuela and Colombia: fighting in Apure State\n1. VENEZUELAN DEFENCE MINISTER ANNOUNCES LOSSES\n"
     "Venezuelan state TV, 1405 gmt 25 Apr 21\nDefence Minister Vladimir Padrino Lopez said that eight soldiers had "
     "been killed near La Victoria, in Apure, and in Guasdualito.\n2. COLOMBIA SENDS TROOPS\n"
     "The Colombian army reinforced its units in Arauca.", "Venezuelan Defence Ministry"),
])
def test_claims_state_portfolio_is_the_lead_states(extract_text, text, source):
    _assert_first_source(extract_text, text, source)


@pytest.mark.parametrize("text,source", [
    # the Ministry of Government of Andean and Central American states is a body of its own,
    # no "government minister" (Bolivia, Ecuador, Panama-like)
    ("Cobija, Sunday 14 of September 2008 - Redaction\nThe Minister of Government, Alfredo Rada, said on Saturday "
     "that 16 persons died in El Porvenir, in Bolivia.", "Bolivian Ministry of Government"),
    ("QUITO - The Ministry of Government said 10 police officers were held in Quito, Ecuador.",
     "Ecuadorian Ministry of Government"),
    ("PANAMA CITY - The Minister of Government said 12 inmates were killed in the riot at La Joya prison in Panama.",
     "Panamanian Ministry of Government"),
])
def test_claims_ministry_of_government_is_its_own_body(extract_text, text, source):
    _assert_first_source(extract_text, text, source)


def test_claims_question_line_is_the_reporters(extract_text):
    # a transcript's question names no one's figure, whoever answered before (Pakistan, Ecuador-like)
    text = ("INFORMATION MINISTER: We have recovered the bodies of 12 policemen.\n"
            "Q: Minister sahib, last year in Bannu also 384 prisoners were freed. What was learned?")
    claims = extract_text(text).claims
    assert [(c.value, c.source is None) for c in claims] == [(12, False), (384, True)]


def test_claims_national_police_keeps_its_name(extract_text):
    # "National Police" is a name of its own, not a portfolio to qualify (El Salvador, Haiti, Nicaragua)
    claims = extract_text("Fighting in San Salvador, El Salvador.\nThe National Police said it had arrested "
                          "41 people.").claims
    assert [(c.value, c.source) for c in claims] == [(41, "National Police")]


@pytest.mark.parametrize("text,source", [
    # a record "by" or "from" its owner, with an article and a word of when before it: the owner
    # speaks (Algeria, Nigeria, Kenya-like counts by rights groups and parties)
    ("According to a count by the Rally for Culture and Democracy, at least 42 people have been killed in "
     "Tizi Ouzou.", "Rally for Culture and Democracy"),
    ("According to a new tally by the Committee of Relatives of the Disappeared, 61 people are missing.",
     "Committee of Relatives of the Disappeared"),
    # a body named for a rule is no rule book ("... and Rule of Law")
    ("A count by the International Society for Civil Liberties and Rule of Law puts the number of police "
     "personnel killed at 27.", "International Society for Civil Liberties and Rule of Law"),
    # how a communique went out is no part of whose it is (Tunisia, Chad-like radio communiques)
    ("An Interior Ministry communique broadcast on Tunis radio put the toll at 41 dead.", "Tunisian Interior Ministry"),
    # where a speaker's hospital lies is no part of its name (Iraq, Afghanistan-like)
    ("A doctor at the hospital in Khalidiya, between Ramadi and Habbaniya, said it had received 63 wounded.",
     "Khalidiya hospital"),
])
def test_claims_record_owner_as_written(extract_text, text, source):
    assert [c.source for c in extract_text(text).claims] == [source]


@pytest.mark.parametrize("text", [
    # reports from a place are no one's (Iran, Chad, Peru-like monitoring items)
    "Reports from Amol say that five residents were killed on Tuesday night when Guards opened fire.",
    "Reports from Abeche say that 12 people were killed in the market.",
])
def test_claims_reports_from_a_place_have_no_owner(extract_text, text):
    assert [c.source for c in extract_text(text).claims] == [None]


@pytest.mark.parametrize("text,expected", [
    # "the defence and security forces": one force noun closes both words (Niger, Mali, Chad-like)
    ("Three members of the defence and security forces were killed in the attack, the ministry said.",
     [("killed", "government", 3)]),
    ("Five members of the Taliban and two soldiers were killed.",
     [("killed", "rebels", 5), ("killed", "government", 2)]),
    # a militia counted by a side is its enemy's (Nigeria, Iraq-like; the Islamic State's enemies are a state's)
    ("The army said 18 militiamen were killed in exchanges of fire.", [("killed", "rebels", 18)]),
    ("The Interior Ministry said security forces had arrested 155 suspected militiamen in Basra.",
     [("detained", "rebels", 155)]),
    ('ISIS claimed that its fighters had killed about 60 "rafidha" militiamen in the battle.',
     [("killed", "government", 60)]),
    # a side's own militiamen stay its own; no side counting leaves them combatants
    ("The Georgian Interior Ministry said that eight of its militiamen had been killed.",
     [("killed", "government", 8)]),
    ("Eighteen militiamen were killed in the clashes.", [("killed", "combatants", 18)]),
])
def test_claims_forces_named_together_and_militias_counted_by_a_side(extract_text, text, expected):
    assert [(c.quantity, c.category, c.value) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,expected", [
    # "the number of <people> <what befell them>" then a level verb: the label says what, however
    # far its verb is from the figure (Namibia, Kenya, Iraq-like)
    ("The number of people killed in Monday's dawn attacks on Katima Mulilo rose to 14 yesterday, police said.",
     [("killed", 14)]),
    ("The number of people displaced by the floods and the fighting in Lamu has risen to 4,000.",
     [("displaced", 4000)]),
    ("The number of checkpoints on the road to Ramadi rose to 14, the army said.", []),
])
def test_claims_number_of_label_far_from_its_figure(extract_text, text, expected):
    assert [(c.quantity, c.value) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,expected", [
    # custody, counts never accounted for, people driven from a place (Namibia, Turkey, Iraq, Ghana-like)
    ("Home Affairs Minister Jerry Ekandjo said more than 100 suspects were in police custody.", [("detained", 100)]),
    ("He added that 58 people found with guns and cutlasses at checkpoints on the Yendi-Bimbilla road had been "
     "taken into custody.", [("detained", 58)]),
    ("Forty men found with machetes at a checkpoint near the main market on the Tamale road were taken into "
     "custody.", [("detained", 40)]),
    ("Eight prisoners from Canakkale prison have not been accounted for.", [("missing", 8)]),
    ("An earlier wave of fighting had already driven more than 114,000 people from Ramadi and nearby areas.",
     [("displaced", 114000)]),
    ("The army forced 3,000 villagers out of their homes near Mopti.", [("displaced", 3000)]),
    # troops driven out of a town are no displaced people
    ("The rebels drove 300 soldiers out of the town.", []),
    # "hundreds of families" names no count of households, only how many people; "300 families" does
    ("Hundreds of Georgian families have left Ossetian villages for Gori.", [("displaced", None)]),
    ("Five hundred families fled the town.", []),
])
def test_claims_custody_unaccounted_and_driven_out(extract_text, text, expected):
    assert [(c.quantity, c.value) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,expected", [
    # the head noun decides: women prisoners are prisoners; ordinary citizens are civilians
    ("Six women prisoners were burned to death in the women's ward of Bayrampasa prison.",
     [("killed", "prisoners", 6)]),
    ("The governor said that eight ordinary citizens who had come out to confront the attackers were killed.",
     [("killed", "civilians", 8)]),
    # a town's officer's "we" is the town's people; a side's speaker's "the militia" his own
    ('"We lost more than 100 people since the siege began," the town\'s mayor said.', [("killed", "total", 100)]),
    ('"We lost 12 people," the army spokesman said.', [("killed", "government", 12)]),
    ('A Mahdi Army commander in Basra said the militia had lost "only 15 martyrs" in the city.',
     [("killed", "rebels", 15)]),
])
def test_claims_head_noun_and_whose_we(extract_text, text, expected):
    assert [(c.quantity, c.category, c.value) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,outlet,expected", [
    # an outlet named for a state, filing from that state's town, reports its own state's story:
    # "the Minister" is that state's, though the text names the neighbour more (Ethiopia, Niger-like)
    ("Addis Ababa, April 18 (ENA) - Raiders from South Sudan killed 208 people in Gambella, the government "
     "said.\n\nThe Minister, who had put the toll at 140 on Saturday, said South Sudan must act. South Sudan "
     "denied it. South Sudan said it would investigate.", "Ethiopian News Agency",
     ["Ethiopian government", "Ethiopian government"]),
    # "Gov't" in a headline is the government
    ("Death toll in Gambella attack rises to 208, Gov't says", "Ethiopian News Agency", ["government"]),
])
def test_claims_state_outlet_at_home_and_govt(extract_text, text, outlet, expected):
    assert [c.source for c in extract_text(text, outlet=outlet).claims] == expected


@pytest.mark.parametrize("text,expected", [
    # a person named in full with an office is the body when the text goes on with the first
    # name (Ethiopian, Eritrean, Burmese-like); the surname, as before (Kenya-like)
    ("Government Communication Affairs Office Minister Getachew Reda said 208 people were killed.\n\n"
     "Getachew said 60 of the assailants had been killed so far.", ["Ethiopian government"] * 2),
    ("Kenyan Defence Minister John Smith said 5 soldiers were killed in Lamu.\n\nSmith said 3 more soldiers "
     "died later.", ["Kenyan Defence Ministry"] * 2),
    # "the number of" 33 words before its level verb still labels the figure
    ("The number of people killed in Friday's cross-border attack by armed members of the Murle tribe of South "
     "Sudan on villages in Jikawo and Lare weredas of Gambella Peoples' Regional State has risen to 208, "
     "the Ethiopian Health Ministry said.", ["Ethiopian Health Ministry"]),
])
def test_claims_first_name_and_far_number_of(extract_text, text, expected):
    assert [c.source for c in extract_text(text).claims] == expected


def test_claims_office_of_phrase_ends_with_its_sentence(extract_text):
    # "The Ministry of Justice gave lower figures. Minister X stated": no office "of Justice gave
    # lower figures." (Turkey-like rights report)
    text = ("The Ministry of Justice gave lower figures. Minister Hikmet Sami Turk stated on Wednesday that 19 "
            "prisoners had died.")
    assert [c.source for c in extract_text(text).claims] == ["Hikmet Sami Turk"]


@pytest.mark.parametrize("text,expected", [
    # ministries a state names otherwise: home affairs (Namibia, India-like), Kenya's cabinet secretaries,
    # a public prosecutor's office (Sao Tome-like); a Maasai name with "ole"
    ("WINDHOEK - Namibian police said the attack killed 14. Home Affairs Minister Jerry Ekandjo said more than "
     "100 suspects were in police custody in Namibia.", ["Namibian police", "Namibian Home Affairs Ministry"]),
    ("NAIROBI - Kenyan police said 48 died in Mpeketoni in Kenya. Interior Cabinet Secretary Joseph ole Lenku "
     "told reporters that 60 people died.", ["Kenyan police", "Kenyan Interior Ministry"]),
    ("Sao Tome police said two soldiers were killed in Sao Tome. The public prosecutor's office said on Monday "
     "that 12 people were being held.", ["Sao Tome and Principe police", "Sao Tome and Principe Public Prosecutor's Office"]),
    # "the communique" is the one an earlier line says a body issued; "some of our people" speak
    # through the quote's speaker, reached by telephone or not (Niger-like monitoring digest)
    ("Excerpts from communique issued by the Ministry of the Interior of Niger and read on the radio:\n\n"
     "In the pursuit 31 bandits were killed. The overall toll, including civilians murdered by the bandits, "
     "stands at 63 dead, the communique said.", ["Nigerien Interior Ministry", "Nigerien Interior Ministry"]),
    ('"Some of our people speak of 1,500 dead," said a spokesman for the exiles, reached by telephone in '
     'Tamanrasset.', ["spokesman for the exiles"]),
    ("A spokesman for the exiles, reached by telephone in Tamanrasset, said 12 people died.",
     ["spokesman for the exiles"]),
])
def test_claims_state_offices_issued_records_and_our_people(extract_text, text, expected):
    assert [c.source for c in extract_text(text).claims] == expected


def test_claims_digest_item_under_a_stamped_broadcaster_header(extract_text):
    # a monitoring digest's items under "<station> <time> gmt <date>" lines: what an item says
    # unattributed is the station's, or the body whose statement the item's label names
    # (Iran 1982, Chad, Angola-like digests)
    text = ("IRAN: ARMED ATTACK ON AMOL REPULSED\n\n"
            "Tehran home service 1630 gmt 26 Jan 82\n\n"
            "Excerpts from report: In the early hours armed men attacked the town.\n\n"
            "The Guards command has announced that 36 of the attackers were killed.\n\n"
            "In this incident seven members of the Basij were martyred.\n\n"
            "Voice of the Iranian Revolution (clandestine) 1800 gmt 27 Jan 82\n\n"
            "Statement of the Union of Iranian Communists (Sarbedaran): Text: Our fighters entered Amol.\n\n"
            "In the battle more than 100 Guards and Basij mercenaries were killed.")
    got = [(c.value, c.source) for c in extract_text(text).claims]
    assert (7, "Tehran home service") in got and (100, "Union of Iranian Communists") in got, got


@pytest.mark.parametrize("text,expected", [
    # casualties with wounds are wounded; casualties of no stated kind are no claim (Ghana, Lebanon-like)
    ("The Medical Superintendent said 236 casualties with machete and gunshot wounds had been admitted.",
     [("injured", 236)]),
    ("The district health office said the shelling left 212 casualties, among them 150 fatalities and 62 "
     "injuries.", [("killed", 150), ("injured", 62)]),
    ("The clashes caused 40 casualties in Tamale.", []),
])
def test_claims_casualties_with_wounds(extract_text, text, expected):
    assert [(c.quantity, c.value) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,expected", [
    # a people's name no list holds counts people (Uzbekistan, Georgia, Syria-like)
    ("The Uzbek Interior Ministry said that about 11,000 Meskhetians had been moved to military camps.",
     [("displaced", 11000)]),
    ("Some 300 Ossetians fled to Vladikavkaz.", [("displaced", 300)]),
    ("The 12 Olympians arrived in Paris.", []),
    # a part of the wounded who died is dead, not wounded (Tunisia, Iraq-like)
    ("A doctor said the hospital had received 83 wounded, among them several children, and that nine of the "
     "wounded died during the night.", [("injured", 83), ("killed", 9)]),
])
def test_claims_peoples_names_and_wounded_who_died(extract_text, text, expected):
    assert [(c.quantity, c.value) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,expected", [
    # people detained before and freed now are released (India, Burma, Eritrea-like)
    ("He said 22 persons detained in the operation had been released after inquiries.", [("released", 22)]),
    ("In a separate item, the radio said 215 persons detained for curfew offences had been freed.",
     [("released", 215)]),
    ("The 17 Yemeni fishermen who were apprehended in Eritrean waters in November were released on 10 December.",
     [("released", 17)]),
    ("300 people arrested in the raids were taken to Kabul.", [("detained", 300)]),
])
def test_claims_detained_then_freed(extract_text, text, expected):
    assert [(c.quantity, c.value) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,source", [
    # a role with its holder set off by commas; a body's officials; a record attributed to a body
    # named before; a known name in apposition to "the official news agency" (Cambodia, Vietnam,
    # Philippines, Georgia-like)
    ("Cambodia's Ministry of National Defence spokesperson, Lt Gen Maly Socheata, told reporters that eight "
     "Cambodian civilians were killed.", "Cambodian Ministry of National Defence"),
    ("Officials of the Ministry of Social Welfare said 20,000 people had fled to Nha Trang.",
     "Ministry of Social Welfare"),
    ("The Moro National Liberation Front fought on in Jolo. A rebel statement circulated in Zamboanga and "
     "attributed to the Front's leadership claimed that 500 troops had been killed.", "Moro National Liberation Front"),
    ("Soviet troops entered Tbilisi in Georgia. The official news agency TASS, in its first report on Sunday, "
     "had said 16 people were killed.", "TASS"),
])
def test_claims_roles_officials_and_attributed_records(extract_text, text, source):
    assert [c.source for c in extract_text(text).claims] == [source]


@pytest.mark.parametrize("text,expected", [
    # a place heading a headline is its topic, no source; the displaced swell on their own verb
    # (Nigeria, Kenya-like); a martial law administration is a state body (Iran, Poland-like);
    # mercenaries counted by a state are its enemy's (Benin, Guinea, Comoros-like)
    ("Kaduna: death toll disputed as displaced swell to 50,000\n\nThe police said 40 died.",
     [("displaced", "total", 50000, None), ("killed", "total", 40, "Nigerian police")]),
    ("Tehran, Iran (AP) - The martial law administration said that 58 people had been killed in Iran.",
     [("killed", "total", 58, "Iranian Martial Law Administration")]),
    ("The army said 12 mercenaries were killed near Cotonou.", [("killed", "rebels", 12, "Beninese army")]),
])
def test_claims_place_headlines_martial_law_and_mercenaries(extract_text, text, expected):
    assert [(c.quantity, c.category, c.value, c.source) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,expected", [
    # religious communities and a military's "other ranks", troopers, the hospitalised, hostages
    # brought out alive, the wounded freed, paramilitaries (India, US, Argentina, Iraq-like)
    ("It says that 165 Hindus and 39 Sikhs had been killed by extremists since 1981.",
     [("killed", "civilians", 165), ("killed", "civilians", 39)]),
    ("Twelve officers and 237 men of other ranks were wounded.",
     [("injured", "government", 12), ("injured", "government", 237)]),
    ("Four troopers were reported hurt.", [("injured", "government", 4)]),
    ("He said 23 police officers were hospitalized in Buenos Aires.", [("injured", "government", 23)]),
    ("Twenty-nine hostages were brought out alive.", [("released", "total", 29)]),
    ("Eleven guards who were injured in the first hours of the uprising had been freed on Thursday.",
     [("released", "government", 11)]),
    ("He said the paramilitary forces had lost 67 fighters over the same period.", [("killed", "government", 67)]),
])
def test_claims_communities_ranks_and_the_freed(extract_text, text, expected):
    assert [(c.quantity, c.category, c.value) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,expected", [
    # "the statement" is the one an earlier line names with its body ("an official statement by X");
    # a state's radio is its state radio, a media body (Burma, Guinea-like digests)
    ("Rangoon home service 1330 gmt 12 Aug 88\n\nText of an official statement by the Ministry of Information of "
     "Burma: Security forces opened fire on mobs. According to the statement, 36 persons were killed in Rangoon.",
     ["Burmese Information Ministry"]),
    ("The state radio said 12 people died in Conakry, Guinea.", ["Guinean state radio"]),
])
def test_claims_statement_by_a_body_and_state_radio(extract_text, text, expected):
    assert [c.source for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,expected", [
    # contact lost with people is no death (Vietnam, Lebanon-like); a state's word inside a body's
    # name is no state body ("Relief officials of the Turkish Red Crescent")
    ("The U.S. Embassy said it had lost contact with five Americans who were in Ban Me Thuot.",
     [("missing", 5, "U.S. Embassy")]),
    ("Relief officials of the Turkish Red Crescent said about 5,000 people had fled the city.",
     [("displaced", 5000, "Turkish Red Crescent")]),
    ("The army said it lost 12 soldiers near Gao.", [("killed", 12, "government")]),
])
def test_claims_contact_lost_and_names_holding_a_state(extract_text, text, expected):
    assert [(c.quantity, c.value, c.source) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,expected", [
    # a clause whose subject is "whose X" befell X, not the people (Los Angeles 1992, Gaza-like)
    ("Red Crescent officials said about 500 people whose homes were destroyed by shelling were sleeping in schools.", []),
    ("Police said 12 men whose relatives were killed in the raid were arrested.", [("detained", 12, "Police")]),
    # countries and provinces are no people (Spain 2004, Argentina 2001, Syria-like)
    ("The foreign ministry said citizens of at least 14 countries were among the dead.", []),
    ("Fighting in 12 provinces killed 40 people, the ministry said.", [("killed", 40, "government")]),
    # a release demanded or called for is no release (Munich 1972, Colombia, Nigeria-like)
    ("The guerrillas demanded the release of 234 prisoners held in Israel.", []),
    ("Relatives called for the release of 40 detainees held in Maiduguri.", []),
    ("The army announced the release of 40 detainees in Maiduguri.", [("released", 40, "Nigerian Army")]),
    # a death toll's figure, then another figure of its own (Afghanistan, Lebanon-like)
    ("Kabul bombing: death toll reaches 80, three held", [("killed", 80, None)]),
    ("The death toll stood at 4,211 and 10,567 wounded, the Lebanese health ministry said.",
     [("killed", 4211, "Lebanese Health Ministry"), ("injured", 10567, "Lebanese Health Ministry")]),
])
def test_claims_parts_homes_countries_demands_and_tolls(extract_text, text, expected):
    assert [(c.quantity, c.value, c.source) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,expected", [
    # reports by their owner "alleging that": the owner's figures, whoever cites them (China 1989,
    # Myanmar, Ethiopia-like)
    ("Yuan Mu said reports by some foreign media alleging that thousands of people had been killed were groundless.",
     ["foreign media"]),
    ("The junta dismissed reports by Human Rights Watch alleging that 60 villagers were killed in Sagaing.",
     ["Human Rights Watch"]),
    ("The minister said claims from the TPLF saying that 300 soldiers had died were propaganda.",
     ["Tigray People's Liberation Front"]),
])
def test_claims_reports_by_their_owner_alleging(extract_text, text, expected):
    assert [c.source for c in extract_text(text).claims] == expected


def test_claims_unqualified_ministry_is_the_lead_states_when_the_text_names_it(extract_text):
    # a Madrid story that names Iraq once: "the Interior Ministry's own count" is Spain's
    text = ("MADRID, March 14 - Spanish police arrested five people on Saturday over the train bombings.\n\n"
            "The Interior Ministry's own count, released on Friday, stood at 199 dead.\n\n"
            "A group claimed the attacks were a response to Spain's role in Iraq. Spain's government denied it.")
    sources = {c.value: c.source for c in extract_text(text).claims}
    assert sources[199] == "Spanish Interior Ministry"


DIGEST = ("Middle East broadcasts, 9 October\n\n"
          "Cairo radio, 9 October, 0900 gmt: Egyptian forces crossed the canal at dawn.\n\n"
          "Damascus home service in Arabic, 9 October, 1000 gmt: An Interior Ministry official said about "
          "2,000 people had fled from the Golan villages.\n\n"
          "Amman home service, 9 October, 1200 gmt: An army spokesman said 40 Jordanian soldiers had been wounded.\n\n"
          "Voice of the Arabs, 9 October, 1800 gmt: The radio said 300 enemy soldiers had been killed.\n\n"
          "Baghdad home service, 9 October, 1900 gmt: Twelve civilians were killed in an air raid.")


@pytest.mark.parametrize("value,source", [
    # a digest item's station named for a state or its capital speaks of that state's bodies, and
    # its "army spokesman" is no army of an item before it (1967 and 1973 Arab-Israeli wars, Iran-Iraq-like)
    (2000, "Syrian Interior Ministry"),
    (40, "Jordanian army"),
    # "the radio" is the item's station; an item's figures no one in it claims are its station's
    (300, "Voice of the Arabs"),
    (12, "Baghdad home service"),
])
def test_claims_digest_items_speak_for_their_stations_state(extract_text, value, source):
    sources = {c.value: c.source for c in extract_text(DIGEST).claims}
    assert sources[value] == source, sources


@pytest.mark.parametrize("text,expected", [
    # a participle describing the speaking record, misparsed as a clause of its own: its subject
    # speaks (Iraqi Kurdistan 1996, Gaza, Colombia-like)
    ("A PUK statement faxed to Reuters in Ankara said its fighters had captured 300 soldiers.", ["PUK"]),
    ("A Hamas statement faxed to Reuters in Gaza said its fighters had also taken two outposts "
     "on Sunday and the crossing on Monday morning, and had killed 14 soldiers.", ["Hamas"]),
    # the one a record was handed to speaks for no one; its issuer after "by" still does
    ("A statement sent to reporters by the UN refugee agency said 300 people had fled.", ["UNHCR"]),
])
def test_claims_records_described_by_a_participle(extract_text, text, expected):
    assert [c.source for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,expected", [
    # people held, then killed: the passive joined to the participle that describes them says
    # what befell them, in a typewriter's dateline too (West Germany 1972, Iraq, Philippines-like)
    ("MUNICH, Sept. 6 (Reuter) -- All nine Israeli athletes held hostage by the guerrillas were killed "
     "in a gun battle at the airfield, the West German government announced.", [("killed", "civilians", 9)]),
    ("Forty hostages seized by the gunmen were freed on Sunday, police in Jolo said.", [("released", "total", 40)]),
    ("Three soldiers wounded in the clash died later in hospital, the army said.", [("killed", "government", 3)]),
    # a verb with no agent of its own is a clause of its own (Eritrea-Ethiopia-like)
    ("In the fighting, three members of the Eritrean Defence Forces fell as martyrs and nine were wounded.",
     [("killed", "government", 3), ("injured", "government", 9)]),
])
def test_claims_people_described_then_what_befell_them(extract_text, text, expected):
    assert [(c.quantity, c.category, c.value) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,expected", [
    # a semicolon ends the clause a later speaker reports (Philippines 2015, Syria, Sudan-like)
    ("44 SAF commandos dead in Mamasapano; MILF says it lost 18\n\nCOTABATO CITY - Police confirmed the deaths.",
     [("killed", 44, None)]),
    ("Twelve soldiers were killed in the attack; the army said 30 militants died.",
     [("killed", 12, None), ("killed", 30, "government")]),
    # a speaker read as a description of himself ("claimed by telephone that")
    ("A spokesman for the Bangsamoro Islamic Freedom Fighters, a breakaway group, claimed by telephone "
     "that its fighters had killed 20 troopers.", [("killed", 20, "Bangsamoro Islamic Freedom Fighters")]),
    # a body's role after its name in the possessive is the body (Papua New Guinea, Uganda-like)
    ("7:45am — Port Moresby General Hospital's acting director of medical services told us 25 people were "
     "being treated for injuries.", [("injured", 25, "Port Moresby General Hospital")]),
    ("Doctors at Mulago Hospital said two of the wounded succumbed on Sunday night.",
     [("killed", 2, "Mulago Hospital")]),
])
def test_claims_semicolons_and_possessive_roles(extract_text, text, expected):
    assert [(c.quantity, c.value, c.source) for c in extract_text(text).claims] == expected


def test_claims_a_press_office_and_its_ministry_publish_as_the_ministry(extract_text):
    # a government's press office and one of its ministries named together: the ministry (India 2010)
    text = "Seventy-six security personnel have lost their lives in the attack in Dantewada district of India's Chhattisgarh state."
    outlet = "Press Information Bureau, Government of India (Ministry of Home Affairs release)"
    claims = extract_text(text, outlet=outlet).claims
    assert [(c.value, c.source) for c in claims] == [(76, "Indian Home Ministry")]


@pytest.mark.parametrize("value,source", [
    # an item opened by a header line of its own, its letter, seat and language before the hour
    # (Cambodia 1979, Iran 1982-like): the item's unqualified bodies are its station's state's
    (300, "Vietnamese army"),
    (2000, "Thai Interior Ministry"),
])
def test_claims_digest_header_lines_open_items_of_their_state(extract_text, value, source):
    text = ("Asian broadcasts, 8 January\n\n(a) Hanoi, Vietnam News Agency, in English, 0730 gmt 8 Jan 79\n\n"
            "An army spokesman said 300 enemy soldiers had been killed near the border.\n\n"
            "(b) Bangkok home service, in Thai, 0500 gmt 8 Jan 79\n\n"
            "An Interior Ministry official said 2,000 people had crossed the border.")
    sources = {c.value: c.source for c in extract_text(text).claims}
    assert sources[value] == source, sources


@pytest.mark.parametrize("text,expected", [
    # "put them at": the losses named before, counted by the one who puts them (Manila 1945, Mosul-like)
    ("A XIV Corps spokesman put them at 680 killed and some 3,300 wounded for the whole of the city fighting.",
     [("killed", 680, "XIV Corps"), ("injured", 3300, "XIV Corps")]),
    ("The rebels put them on trucks at dawn, and 12 villagers were later freed.", [("released", 12, None)]),
])
def test_claims_put_them_at_a_figure(extract_text, text, expected):
    assert [(c.quantity, c.value, c.source) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,expected", [
    # the loser of "lost" is after the speech verb, not the speaker (Sudan, Ukraine, Yemen-like)
    ("The RSF said the army had lost more than 300 dead in the fighting for the town.",
     [("killed", "government", 300)]),
    ("The Russian Defence Ministry claimed that Ukrainian units had lost 120 killed near Bakhmut.",
     [("killed", "government", 120)]),
    ("The coalition said that the Houthis had lost 85 dead in the push on Marib.", [("killed", "rebels", 85)]),
    # a side's "own losses" (Vietnam 1968, Chad-like)
    ("American sources in Saigon put the marines' own losses in the battle for the citadel at more than 1,000 killed.",
     [("killed", "government", 1000)]),
])
def test_claims_the_loser_after_the_speech_verb_and_own_losses(extract_text, text, expected):
    assert [(c.quantity, c.category, c.value) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,expected", [
    # beaten people are hurt, beaten to death killed (Romania 1990, Chile 2019, Georgia-like)
    ("At least three foreign journalists were beaten by miners on Thursday.", [("injured", "civilians", 3)]),
    ("Human Rights Watch documented 16 people who said they had been beaten in police custody.",
     [("injured", "total", 16)]),
    ("Police said 12 protesters were beaten to death by the mob.", [("killed", "civilians", 12)]),
    ("The army said its troops had beaten back an attack by 200 rebels.", []),
    # "had been held" is detention, as "were being held" is (Romania 1990, Kenya-like)
    ("An Interior Ministry spokesman said 1,021 people had been held for verification since Wednesday.",
     [("detained", "total", 1021)]),
    ("The talks have been held in Geneva since 2019, and 40 delegates attended.", []),
    # companions are people (Mexico 1971, Argentina 1973-like)
    ("The student committee said that at least 30 companions had been murdered by the police.",
     [("killed", "total", 30)]),
])
def test_claims_beaten_held_and_companions(extract_text, text, expected):
    assert [(c.quantity, c.category, c.value) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,expected", [
    # people admitted to a hospital were hurt (Georgia 1989, Kenya, Bangladesh-like); not students
    # admitted to a university, nor refugees admitted to a country
    ("He said 251 people had been admitted to hospitals in Tbilisi, including 17 children.",
     [("injured", "total", 251), ("injured", "civilians", 17)]),
    ("Officials said 40 people were admitted to the city's main hospital overnight.", [("injured", "total", 40)]),
    ("About 300 students have been admitted to the university this year.", []),
    ("Some 1,200 refugees were admitted to the country last month.", [("displaced", "total", 1200)]),
])
def test_claims_people_admitted_to_hospital(extract_text, text, expected):
    assert [(c.quantity, c.category, c.value) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,expected", [
    # the appositive that runs up to the verb speaks, not the fronted place it hangs on
    # (Zambia 1964, Iraq, Ethiopia-like)
    ("At Sione, the first stockade taken by the security forces on Thursday, a police officer who went in "
     "with the troops said he had counted 74 bodies inside the palisade.", [(74, "police officer")]),
    ("In Hilla, the provincial capital, a police official said 13 people were killed in clashes.",
     [(13, "police official")]),
    # "put the X dead at N": a count its subject gives (Zambia 1964, Sudan-like)
    ("The Sudanese army had earlier put the Babanusa dead at about 50.", [(50, "Sudanese Armed Forces")]),
    # "a later bulletin", "the broadcast": the same speaker's next record (Guinea 1970, Vietnam 1975-like)
    ("Radio Conakry said the invaders had been routed. A later bulletin said the invaders had lost 150 killed.",
     [(150, "Radio Conakry")]),
    ("Liberation Radio claimed the city had been liberated. The broadcast said 300 soldiers had been captured.",
     [(300, "Liberation Radio")]),
])
def test_claims_fronted_appositions_put_dead_at_and_later_records(extract_text, text, expected):
    assert [(c.value, c.source) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,source", [
    # a role its body owns speaks for the body, named or not (Vietnam 1975, Sudan, Ukraine-like)
    ("Le Trung Hien, the Sudanese army's chief spokesman, told a briefing that 1,200 rebels had been killed.",
     "Sudanese Armed Forces"),
    ("The government's chief military spokesman said 40 rebels were killed in Sudan.", "Sudanese government"),
    ("Oleksiy Petrenko, the Ukrainian army's spokesman, said 40 Russian soldiers were killed.", "Ukrainian Armed Forces"),
])
def test_claims_a_role_its_body_owns_speaks_for_the_body(extract_text, text, source):
    assert [c.source for c in extract_text(text).claims] == [source]


@pytest.mark.parametrize("text,source", [
    # a person named with the office of a town or a province speaks as that office, even when a
    # bare title named her first (Haiti 2024, Niger 2021, Sudan-like)
    ("On Tuesday, Jean Pierre, mayor of the nearby coastal town of Gonaives, said the gang attack had left "
     "115 dead. Mayor Jean Pierre asked for troops.", "mayor of Gonaives"),
    ("The Governor of Tillaberi region, Mr. Tidjani Ibrahim Katiella, said that 25 wounded had been evacuated.",
     "governor of Tillaberi"),
    ("Ahmed Ali, governor of Kassala state, said 3,000 people had fled.", "governor of Kassala"),
])
def test_claims_the_office_of_a_place_speaks(extract_text, text, source):
    assert [c.source for c in extract_text(text).claims] == [source]


@pytest.mark.parametrize("text,source", [
    # a broadcast from a city is that city's radio (Korea 1948, Philippines 1945, Vietnam-like)
    ("A Communist broadcast from Pyongyang, heard here last night, claimed that 3,000 enemy troops had been killed.",
     "Pyongyang radio"),
    ("A Japanese broadcast from Tokyo claimed that 5,000 American soldiers had been killed.", "Tokyo radio"),
    # a Korean or Chinese family name, written first, is the name used alone later (Korea 1948, China-like)
    ("South Korean Defense Minister Lee Bum Suk announced the recapture of Yosu. Lee told a press conference "
     "that 821 rebels had been killed.", "South Korean Defence Ministry"),
])
def test_claims_broadcasts_from_a_city_and_family_names_first(extract_text, text, source):
    assert [c.source for c in extract_text(text).claims] == [source]


@pytest.mark.parametrize("text,expected", [
    # a side's losses named by a name of several words, after "of" or in the possessive, and its
    # dead (Poland 1944, Sudan, Myanmar-like)
    ("The losses of the Home Army in the battle for Wilno amounted to over 500 killed and about 1,100 wounded.",
     [("killed", "rebels", 500), ("injured", "rebels", 1100)]),
    ("Exiles estimate the Home Army's losses since the rising began at not less than 8,000 dead.",
     [("killed", "rebels", 8000)]),
    ("The agency put the insurgents' dead in the Old Town fighting at over 10,000.", [("killed", "rebels", 10000)]),
    ("The losses of the Rapid Support Forces in the battle for Wad Madani amounted to 300 killed.",
     [("killed", "rebels", 300)]),
    ("The losses of the Sudanese Armed Forces in El Fasher amounted to 120 killed.", [("killed", "government", 120)]),
])
def test_claims_losses_of_a_named_side(extract_text, text, expected):
    assert [(c.quantity, c.category, c.value) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,source", [
    # "As announced by X," before the figures (USSR 1945, Sudan-like)
    ("As announced by the Sudanese army, in the fighting for the city the enemy lost more than 420 fighters killed.",
     "Sudanese Armed Forces"),
    # "X was able to confirm": the subject of "was" (Georgia 1992, Yemen-like)
    ("Human Rights Watch was able to confirm the deaths of at least 38 civilians in Taiz.", "Human Rights Watch"),
    # "X announced ... in an order of the day. The order said": the order's issuer (USSR 1944, Ukraine-like)
    ("KYIV -- Ukrainian troops have retaken the village, the Ukrainian General Staff announced last night in an "
     "order of the day. The order said the Russian garrison lost more than 300 soldiers killed.",
     "Ukrainian General Staff"),
])
def test_claims_as_announced_by_able_to_confirm_and_the_order(extract_text, text, source):
    assert [c.source for c in extract_text(text).claims] == [source]


@pytest.mark.parametrize("text,expected", [
    # "N fallen", interned, carried away, treated for wounds, fell in the fighting (Finland 1944,
    # Poland 1944, Belgium 1944, Czechoslovakia 1945; Sudan, Yemen-like)
    ("Headquarters stated that the fighting at Tornio has cost our troops 376 fallen.", [("killed", 376)]),
    ("About 6,000 officers and men have been interned in the former barracks at Miedniki.", [("detained", 6000)]),
    ("The town board says the RSF carried away some 260 townspeople as hostages when they left.",
     [("detained", 260)]),
    ("Fifteen of the survivors were treated for wounds at an aid station.", [("injured", 15)]),
    ("The clinic said 40 people were treated for malaria last week.", []),
    ("The council said 1,694 insurgents and civilians fell in the fighting in Prague.", [("killed", 1694)]),
])
def test_claims_fallen_interned_carried_away_and_treated_for_wounds(extract_text, text, expected):
    assert [(c.quantity, c.value) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,expected", [
    # "wounded" before the names of whose the people are, then the people (Hungary 1945, Ukraine-like)
    ("Some 10,000 wounded German and Hungarian soldiers were found in improvised hospitals.",
     [("injured", "government", 10000)]),
    ("The hospital received 50 wounded Ukrainian soldiers.", [("injured", "government", 50)]),
    ("The hospital treated 50 wounded, Ukrainian soldiers said.", [("injured", "total", 50)]),
    # a title-case headline's next words are no owner's (South Africa 2012-like)
    ("Marikana: 34 Dead, 78 Wounded As Police Open Fire", [("killed", "total", 34), ("injured", "total", 78)]),
])
def test_claims_wounded_before_whose_people(extract_text, text, expected):
    assert [(c.quantity, c.category, c.value) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,source", [
    # a title's "of" phrase ends before a speech verb: whom a ministry told is no minister
    # (Georgia 1992, Lebanon-like)
    ("The Georgian Ministry of Health told Helsinki Watch that 113 people were killed. "
     "Helsinki Watch said 38 civilians were killed.", "Helsinki Watch"),
    ("Minister of Health Firas Abiad said 40 people were killed.", "Lebanese Health Ministry"),
])
def test_claims_a_title_of_phrase_ends_before_a_speech_verb(extract_text, text, source):
    assert [c.source for c in extract_text(text).claims][-1] == source


@pytest.mark.parametrize("text,expected", [
    # prisoners a side lost, and people "taken prisoner" after a verb of killing, were taken
    # (Slovakia 1944, Poland 1944; Ukraine, Sudan-like)
    ("The communique claimed that the insurgents had lost over 4,000 dead and 7,800 prisoners.",
     [("killed", "rebels", 4000), ("detained", "rebels", 7800)]),
    ("It stated that more than 8,000 Russian soldiers had been killed near Kupiansk and over 5,000 taken prisoner.",
     [("killed", "government", 8000), ("detained", "government", 5000)]),
    ("The army lost 300 men and 40 prisoners were freed.", [("killed", "government", 300), ("released", "prisoners", 40)]),
])
def test_claims_prisoners_lost_and_taken(extract_text, text, expected):
    assert [(c.quantity, c.category, c.value) for c in extract_text(text).claims] == expected


def test_claims_a_capitals_title_names_its_body_without_its_topic_and_no_other_states_office(extract_text):
    # a generic office named in an Uzbek statement is no Ukrainian prosecutor (Uzbekistan 2004)
    text = ("National News Agency of Uzbekistan (UzA)\nTashkent, 6 April 2004\n\n"
            "STATEMENT OF THE PROSECUTOR-GENERAL'S OFFICE ON THE TERRORIST ACTS OF 28 MARCH - 1 APRIL\n\n"
            "Three police officers were killed in these attacks in Tashkent.")
    sources = {c.source for c in extract_text(text).claims}
    assert sources == {"PROSECUTOR-GENERAL'S OFFICE"}, sources


@pytest.mark.parametrize("text,expected", [
    # a death toll opening its clause is what the level verb raises, however long its phrase
    # (Turkey 1978, Mali, Sudan-like)
    ("The death toll from a week of sectarian fighting in the southeastern Turkish city of Kahramanmaras "
     "has risen to 106, the Interior Ministry said.", [("killed", 106)]),
    ("The toll of the attack on the crowded market of the northern town of Kidal has risen to 31, officials said.",
     [("killed", 31)]),
    # "put the figure at least N": the "at" the figure's "at least" shares (Haiti, Sudan-like)
    ("Diplomats say more than 60,000 people have been killed; the government puts the figure at least 26,000.",
     [("killed", 60000), ("killed", 26000)]),
])
def test_claims_a_death_toll_far_before_its_level_verb_and_put_at_least(extract_text, text, expected):
    assert [(c.quantity, c.value) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,expected", [
    # "put the number at N people" after a count continues it with a plain people noun, as a bare
    # figure does (Sri Lanka 2006, Kenya 2008, Peru 1986); a noun that names a side is its own
    ("Sri Lankan police said 64 people died in the bombing in Habarana. A Red Cross report put the number at "
     "least 70 people.", [("killed", "total", 64, "Sri Lankan police"), ("killed", "total", 70, "ICRC")]),
    ("The governor said the death toll had reached 40. A Catholic Church report put the number at 52 persons.",
     [("killed", "total", 40, "governor"), ("killed", "total", 52, "Catholic Church")]),
    ("The Peruvian army said 40 people died in Lurigancho. Human rights groups put the number at 124 inmates.",
     [("killed", "total", 40, "Peruvian army")]),
])
def test_claims_put_the_number_at_people_continues_the_count(extract_text, text, expected):
    got = [(c.quantity, c.category, c.value, c.source) for c in extract_text(text).claims]
    assert got == expected


@pytest.mark.parametrize("text,expected", [
    # fighters who laid down their arms surrendered (Mali, Tibet 1950-like); a refusal is none
    ("The army said 300 rebels laid down their arms in Kidal.", [("detained", "rebels", 300)]),
    ("The rebels refused to lay down their arms, and 20 soldiers were killed.", [("killed", "government", 20)]),
])
def test_claims_laid_down_their_arms(extract_text, text, expected):
    assert [(c.quantity, c.category, c.value) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,expected", [
    # a participle before a people noun describes the people; a freeing verb over the phrase
    # frees them (Nigeria, Colombia, Philippines-like army statements)
    ("The army said troops killed 35 terrorists and rescued 12 kidnapped women.",
     [("killed", "rebels", 35), ("released", "civilians", 12)]),
    ("Soldiers rescued four kidnapped farmers in Cauca, the army said.", [("released", "civilians", 4)]),
    ("Gunmen seized 14 passengers; 6 abducted passengers were later released.",
     [("detained", "civilians", 14), ("released", "civilians", 6)]),
    # a verb right after the figure still says what befell them, the last word of the sentence too
    ("Nine died of their injuries in hospital.", [("killed", "total", 9)]),
    ("Police said 43 people were killed and 1,189 injured", [("killed", "total", 43), ("injured", "total", 1189)]),
])
def test_claims_participle_before_people_noun(extract_text, text, expected):
    assert [(c.quantity, c.category, c.value) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,expected", [
    # a time phrase after the figure is no unit of it (US 1967, Gaza, Sudan-like)
    ("The police department's count of the dead from the riot reached 43 this week.",
     [("killed", "total", 43, "police department")]),
    ("The toll rose to 12 last night, the ministry said.", [("killed", "total", 12, "government")]),
    # a body before a count or a tally keeps it, whoever died; before a toll, it died
    ("The police count of the dead reached 43 this week.", [("killed", "total", 43, "police")]),
    ("An army tally put the dead at 40.", [("killed", "total", 40, "government")]),
    ("The police death toll rose to 12.", [("killed", "government", 12, None)]),
])
def test_claims_count_owner_and_time_after_figure(extract_text, text, expected):
    claims = extract_text(text).claims
    assert [(c.quantity, c.category, c.value, c.source) for c in claims] == expected


@pytest.mark.parametrize("text,expected", [
    # a figure after "the" and before a plural of things counts no people (Egypt 1970, Syria, Ukraine-like)
    ("The spokesman put enemy losses at some 70 dead, including the crews of the two torpedo boats.",
     [("killed", 70)]),
    ("Shelling hit the three villages and killed 12 people.", [("killed", 12)]),
    ("Gunmen killed the 12 hostages.", [("killed", 12)]),
    # a speech verb after a breakdown starts a statement of its own: its figure has its own verb
    ("The spokesman put enemy losses at some 70 dead, including the crews of the two boats, and said 62 "
     "soldiers had been taken prisoner.", [("killed", 70), ("detained", 62)]),
])
def test_claims_counted_things_and_statements_after_a_breakdown(extract_text, text, expected):
    assert [(c.quantity, c.value) for c in extract_text(text).claims] == expected


def test_claims_interstate_enemy_is_a_states_forces(extract_text):
    # a state's body taking prisoners from another state's forces the story names: those are
    # government (GUIDE: any state's forces), not rebels (Ukraine, Eritrea-Ethiopia, Iran-Iraq)
    text = ("Russian troops attacked Ukrainian positions near Bakhmut. The Ukrainian General Staff said 40 "
            "prisoners had been taken.")
    assert [(c.quantity, c.category, c.value) for c in extract_text(text).claims] == [("detained", "government", 40)]
    text = "The army said it killed 300 rebels and took 40 prisoners."
    assert [(c.quantity, c.category) for c in extract_text(text).claims] == [("killed", "rebels"), ("detained", "rebels")]


@pytest.mark.parametrize("text,expected", [
    # nationals counted after their state's soldiers in one sentence are those soldiers (Egypt
    # 1970, Ethiopia-Eritrea, India-Pakistan-like communiques)
    ("So far 41 Egyptian soldiers had been taken prisoner, and 19 Egyptians were killed on the island.",
     [("detained", "government", 41), ("killed", "government", 19)]),
    ("Troops captured 30 Eritrean soldiers and killed 45 Eritreans near Badme.",
     [("detained", "government", 30), ("killed", "government", 45)]),
    # with no soldiers before them they stay people
    ("Shelling killed 19 Egyptians near the border.", [("killed", "total", 19)]),
])
def test_claims_nationals_after_their_soldiers(extract_text, text, expected):
    assert [(c.quantity, c.category, c.value) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,expected", [
    # people counted as killed and captured, or killed, wounded and missing, are casualties of no
    # one kind: no claim (Korea 1950, Vietnam 1968, Angola 1993)
    ("A communique from General Headquarters said the enemy had lost more than 2,000 killed and captured "
     "in the offensive.", []),
    ("American losses in the operation, the colonel added, totaled about 800 killed, wounded and missing.", []),
    ("UNITA radio claimed that more than 3,000 government soldiers had been killed or captured near Huambo.", []),
])
def test_claims_killed_and_captured_is_no_one_kind(extract_text, text, expected):
    assert [(c.quantity, c.value) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,expected", [
    # a fronted whole of people of no side split by what befell each part: the parts are claims,
    # the whole none; each part's own predicate ("remain missing") says what (South Korea 2003,
    # Guatemala 1999, Peru 2003); a whole of prisoners or of the killed stays
    ("Of the 14,000 victims reported to the commission, 10,700 were killed, 3,100 remain missing and "
     "140 were wounded.", [("killed", 10700), ("missing", 3100), ("injured", 140)]),
    ("Of the 42,000 victims the truth commission registered, 23,000 were killed and 6,100 remain missing.",
     [("killed", 23000), ("missing", 6100)]),
    ("Of the 69,000 people counted by the commission, 37,000 were killed and 15,000 remained missing, it said.",
     [("killed", 37000), ("missing", 15000)]),
    ("Of the 300 prisoners, about 120 were released on Friday, the army said.", [("released", 300), ("released", 120)]),
])
def test_claims_fronted_whole_split_by_what_befell_the_parts(extract_text, text, expected):
    assert [(c.quantity, c.value) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,expected", [
    # forces a side denies are there make no war between states: the claimant's enemy is
    # rebels (Kashmir 1947, Yemen, Ukraine 2014-like); forces said to be there make it one
    ("SRINAGAR - An Indian Army spokesman said the raiders were driven back. Forty-two tribesmen were taken "
     "prisoner in the pursuit, the spokesman added.\n\nA Pakistan Government spokesman denied that regular "
     "Pakistani troops were taking part.", [("detained", "rebels", 42)]),
    ("ADEN - A Yemeni army spokesman said the assault was repelled. The enemy lost 40 men near Aden, the "
     "spokesman added.\n\nTehran denies that Iranian forces are in Yemen.", [("killed", "rebels", 40)]),
    ("DONETSK - A Ukrainian army spokesman said the assault was repelled. The enemy lost 30 men near Ilovaisk, "
     "the spokesman added.\n\nMoscow has denied that Russian troops are fighting in Ukraine.", [("killed", "rebels", 30)]),
    ("ADEN - A Yemeni army spokesman said the assault was repelled. The enemy lost 40 men near Aden, the "
     "spokesman added.\n\nIranian forces are in Yemen, the spokesman said.", [("killed", "government", 40)]),
])
def test_claims_forces_denied_there_make_no_war_between_states(extract_text, text, expected):
    assert [(c.quantity, c.category, c.value) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,expected", [
    # the object of a relative clause's own verb is what that verb did, not the main clause's
    # casualty (Congo 1964, Nigeria, Afghanistan-like)
    ("Officers said 27 hostages were killed and about 40 wounded when the rebels, who had marched some 250 "
     "foreigners out of the hotel, opened fire.", [("killed", "total", 27), ("injured", "total", 40)]),
    ("Police said 12 people were killed when gunmen, who had stopped 30 travellers on the Kaduna road, opened fire.",
     [("killed", "total", 12)]),
    ("The militants, who had taken 200 hostages, killed 40 soldiers in Kunduz.",
     [("detained", "total", 200), ("killed", "government", 40)]),
])
def test_claims_a_relative_clauses_object_keeps_its_own_verb(extract_text, text, expected):
    assert [(c.quantity, c.category, c.value) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,expected", [
    # occupations of civilians (Colombia 1985, Nigeria, Pakistan-like)
    ("Officials said at least 11 of the 24 Supreme Court justices were killed in Bogota.", [("killed", "civilians", 11)]),
    ("Gunmen abducted 276 schoolgirls from their dormitory in Chibok.", [("detained", "civilians", 276)]),
    ("Three engineers and two lawmakers were kidnapped near Quetta.",
     [("detained", "civilians", 3), ("detained", "civilians", 2)]),
    # one victim with a relative clause before what befell them (Georgia 2008, Gaza, Ukraine-like)
    ("A Reuters correspondent who was with him was wounded in Gori.", [("injured", "civilians", 1)]),
    ("A boy who had been playing outside was killed by the shell in Khan Younis.", [("killed", "civilians", 1)]),
    ("A soldier who was wounded in the blast died later in hospital in Kharkiv.", [("killed", "government", 1)]),
])
def test_claims_occupations_and_one_victim_with_a_clause(extract_text, text, expected):
    assert [(c.quantity, c.category, c.value) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,expected", [
    # a group no lexicon knows, named in capitals before "losses" in a state body's count, is
    # the state's enemy (Sri Lanka 1995, Peru 1997, Uganda-like); a known group keeps its side
    ("COLOMBO - The Ministry of Defence has stated that 390 soldiers were killed. It estimated LTTE losses over "
     "the same period at 1,781 killed and 3,850 wounded.",
     [("killed", "government", 390), ("killed", "rebels", 1781), ("injured", "rebels", 3850)]),
    ("LIMA - The army said 2 soldiers were killed. It put MRTA losses at 14 killed.",
     [("killed", "government", 2), ("killed", "rebels", 14)]),
    ("KAMPALA - The army said 5 soldiers were killed. It put LRA losses at 40 killed.",
     [("killed", "government", 5), ("killed", "rebels", 40)]),
])
def test_claims_an_unknown_groups_losses_in_a_states_count(extract_text, text, expected):
    assert [(c.quantity, c.category, c.value) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,expected", [
    # "of whom N <adverb> died": the part and what befell it (Sri Lanka 1995, Sudan, Yemen-like)
    ("The hospital in Point Pedro received 62 civilians wounded by shelling, of whom seven subsequently died.",
     [("injured", "civilians", 62), ("killed", "civilians", 7)]),
    ("The hospital in El Fasher received 40 wounded, of whom 12 later died.",
     [("injured", "total", 40), ("killed", "total", 12)]),
    ("The clinic in Marib treated 25 wounded fighters, of whom three eventually died.",
     [("injured", "rebels", 25), ("killed", "rebels", 3)]),
])
def test_claims_of_whom_some_later_died(extract_text, text, expected):
    assert [(c.quantity, c.category, c.value) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,expected", [
    # members of a government, a cabinet or a parliament are civilians, no state force (Fiji
    # 2000, Somalia, Afghanistan-like); members of its forces stay its forces
    ("Gunmen stormed parliament in Suva and seized more than 30 other government members and staff.",
     [("detained", "civilians", 30)]),
    ("Three members of parliament were killed in the blast in Mogadishu.", [("killed", "civilians", 3)]),
    ("The gunmen took about 30 members of the government hostage in Kabul.", [("detained", "civilians", 30)]),
    ("Twelve members of the government forces were killed near Kidal.", [("killed", "government", 12)]),
])
def test_claims_members_of_a_government_are_civilians(extract_text, text, expected):
    assert [(c.quantity, c.category, c.value) for c in extract_text(text).claims] == expected


@pytest.mark.parametrize("text,expected", [
    # a bare figure that "had been taken prisoner" or "held captive" (the Falklands 1982, Iraq,
    # Ukraine-like)
    ("He said that more than 1,400 had been taken prisoner at Goose Green.", [("detained", "total", 1400)]),
    ("The army said 300 had been held captive in Mosul.", [("detained", "total", 300)]),
    ("Officials said 90 had been taken prisoner near Bakhmut.", [("detained", "total", 90)]),
])
def test_claims_had_been_taken_prisoner(extract_text, text, expected):
    assert [(c.quantity, c.category, c.value) for c in extract_text(text).claims] == expected
