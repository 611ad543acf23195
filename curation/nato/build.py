#!/usr/bin/env python3
"""Build entities.csv / relations.csv for curator 'nato'."""
import csv, os, shutil

HERE = os.path.dirname(os.path.abspath(__file__))
N = "nato-relations-with-belarus"
M = "mfa-belarus-nato-cooperation"
W = "wikipedia-belarus-nato-relations"
S = "nac-statement-2006-03-31"

E = []  # id, kind, label, aliases, description
def ent(i, k, label, aliases="", desc=""):
    E.append((i, k, label, aliases, desc))

R = []
def rel(s, p, o, date, src, quote, note=""):
    R.append((s, p, o, date, src, quote, note))

# ---------------- entities ----------------
MEMBERS = ["Albania", "Belgium", "Bulgaria", "Canada", "Croatia", "Czech Republic", "Denmark", "Estonia",
           "Finland", "France", "Germany", "Greece", "Hungary", "Iceland", "Italy", "Latvia", "Lithuania",
           "Luxembourg", "Montenegro", "Netherlands", "North Macedonia", "Norway", "Poland", "Portugal",
           "Romania", "Slovakia", "Slovenia", "Spain", "Sweden", "Turkey", "United Kingdom", "United States"]
def slug(x): return x.lower().replace(" ", "-")
for m in MEMBERS:
    ent(slug(m), "state", m, "", "Member state of NATO.")
ent("ukraine", "state", "Ukraine", "", "State neighbouring Belarus.")
ent("russia", "state", "Russia", "Russian Federation|Moscow", "State in a union with Belarus.")
ent("european-union", "organization", "European Union", "EU", "Political and economic union of European states.")
ent("collective-security-treaty-organization", "organization", "Collective Security Treaty Organization", "CSTO",
    "Security treaty organisation under the auspices of Russia, of which Belarus is a member.")
ent("north-atlantic-cooperation-council", "organization", "North Atlantic Cooperation Council", "NACC",
    "Forum for dialogue between NATO and partner countries.")
ent("euro-atlantic-partnership-council", "organization", "Euro-Atlantic Partnership Council", "EAPC",
    "Forum of NATO Allies and partner countries in the Euro-Atlantic area.")
ent("north-atlantic-council", "organization", "North Atlantic Council", "NAC|NATO North Atlantic Council|NATO Council|the Council",
    "Council of NATO.")
ent("nato-public-diplomacy-division", "organization", "NATO Public Diplomacy Division", "Public Diplomacy Division",
    "NATO division for public diplomacy.")
ent("nato-maintenance-and-supply-agency", "organization", "NATO Maintenance and Supply Agency", "NAMSA",
    "NATO agency for maintenance and supply.")
ent("nato-international-staff", "organization", "NATO International Staff", "International Staff",
    "Staff body of NATO.")
ent("nato-international-military-staff", "organization", "NATO International Military Staff", "International Military Staff",
    "Military staff of NATO.")
ent("euro-atlantic-disaster-response-coordination-centre", "organization", "Euro-Atlantic Disaster Response Coordination Centre",
    "EADRCC", "Coordination centre for disaster response in the Euro-Atlantic area.")
ent("permanent-mission-of-belarus-to-nato", "organization", "Permanent Mission of Belarus to NATO",
    "Belarus' diplomatic mission to NATO|Permanent Mission to NATO", "Diplomatic mission of Belarus to NATO.")
ent("ministry-of-defence-of-belarus", "organization", "Ministry of Defence of Belarus",
    "Belarusian Ministry of Defense|Ministry of Defense", "Defence ministry of Belarus.")
ent("international-military-cooperation-department", "organization", "International Military Cooperation Department",
    "International Military Cooperation Department of the Belarusian Ministry of Defense",
    "Department of the Belarusian Ministry of Defence for international military cooperation.")
ent("ministry-of-emergency-situations-of-belarus", "organization", "Ministry of Emergency Situations of Belarus",
    "Ministry of Emergency Situations", "Emergency-situations ministry of Belarus.")
ent("armed-forces-of-belarus", "organization", "Armed Forces of Belarus", "", "Military of Belarus.")
ent("guards-separate-mobile-brigade-103", "organization", "103rd Guards Separate Mobile Brigade", "",
    "Belarusian military unit.")
ent("military-academy-of-belarus", "organization", "Military Academy of the Republic of Belarus", "",
    "Belarusian military education institution.")
ent("foreign-policy-and-security-research-center", "organization", "Foreign Policy and Security Research Center", "",
    "Belarusian research centre on foreign policy and security.")
ent("organization-for-security-and-co-operation-in-europe", "organization", "Organization for Security and Co-operation in Europe",
    "OSCE", "European regional security organisation.")
ent("osce-odihr", "organization", "OSCE/ODIHR", "ODIHR", "OSCE body for democratic institutions and election observation.")
ent("international-election-observation-mission-2006", "organization",
    "International Election Observation Mission (Belarus 2006)", "International Election Observation Mission",
    "OSCE/ODIHR-coordinated mission that observed the Belarusian presidential election.")
ent("partnership-for-peace", "programme", "Partnership for Peace", "PfP|NATO's Partnership for Peace",
    "NATO programme of bilateral cooperation with partner countries.")
# One programme: the MFA text calls its first edition the "Individual Partnership Program" (July 1997) and
# continues "Since then ... under the IPCP"; Wikipedia's "Individual Partnership Program" is the same programme.
ent("individual-partnership-and-cooperation-programme", "programme", "Individual Partnership and Cooperation Programme",
    "IPCP|Individual Partnership and Cooperation Program|Individual Partnership Program|NATO's Individual Partnership Program|"
    "program of individual partnership with NATO|NATO–Belarus Individual Partnership Program|Individual Partnership Programme",
    "NATO–Belarus partnership programme, the annually updated planning document of Belarus's participation in the Partnership for Peace.")
ent("planning-and-review-process", "programme", "PfP Planning and Review Process",
    "PARP|Planning and Review Process|Partnership for Peace planning and assessment process",
    "Partnership for Peace process for setting and reviewing partnership goals.")
ent("science-for-peace-and-security-programme", "programme", "Science for Peace and Security Programme",
    "SPS|Science for Peace and Security Program", "NATO programme of scientific cooperation with partners.")
ent("polessie-radiation-hazard-assessment-project", "programme",
    "SPS project on radioactive contamination in the Polessie State Radiation-Ecological Reserve", "",
    "Scientific project assessing hazards of radioactive contamination in the Polessie reserve.")
ent("pripyat-river-basin-flood-monitoring-project", "programme",
    "Monitoring and forecasting of floods in the Pripyat River Basin", "",
    "Scientific project on flood monitoring and forecasting in the Pripyat River Basin.")
ent("belarus-anti-personnel-mine-destruction-project", "programme",
    "NATO Trust Fund project for the destruction of anti-personnel mines in Belarus",
    "NATO Trust Fund project|joint project to destroy a stockpile of TNT landmines|Belarus' armaments elimination",
    "Joint project to destroy stockpiled anti-personnel mines in Belarus.")
ent("nato-belarus-annual-regional-security-seminar", "event", "Annual NATO–Belarus regional security seminar",
    "annual seminar", "Yearly seminar on regional security issues.")
ent("belarusian-specialized-training-courses-for-eapc", "programme",
    "Belarusian specialized training courses open to EAPC countries", "four specialized training courses",
    "Training courses run by Belarusian ministries and open to EAPC countries.")
ent("joint-exercises-on-radiological-threat", "programme", "Joint exercises on operating in a radiological threat", "",
    "Belarusian proposal for joint exercises with NATO.")
ent("regional-partnership-action-plan", "programme", "Regional partnership action plan", "",
    "Belarusian proposal for regional cooperation against illegal migration, smuggling and threats to infrastructure.")
ent("pfp-cbrn-training-center", "organization", "PfP training center for CBRN defence (proposed)",
    "PfP training center", "Proposed Partnership for Peace training centre for chemical, biological, radiological and nuclear defence.")
ent("eadrcc-disaster-response-exercise", "event", "EADRCC disaster response exercise", "disaster response exercise",
    "Disaster response exercise organized by the EADRCC.")
ent("international-security-assistance-force", "programme", "International Security Assistance Force",
    "ISAF|NATO-led anti-terrorist operation in Afghanistan", "NATO-led international operation in Afghanistan.")
ent("unsc-resolution-1386", "agreement", "UN Security Council Resolution 1386", "Resolution 1386",
    "UN Security Council resolution on which the NATO-led operation in Afghanistan is based.")
ent("belarus-nato-isaf-transit-agreement", "agreement", "Belarus–NATO agreement on transit of non-lethal ISAF cargo",
    "exchange of letters", "Agreement formalized by exchange of letters on rail transit of non-lethal cargo through Belarus.")
ent("ottawa-convention", "agreement", "Ottawa Convention",
    "Convention on the prohibition of the use, stockpiling, production and transfer of anti-personnel mines and on their destruction",
    "Treaty banning anti-personnel mines.")
ent("partnership-for-peace-framework-document", "agreement", "Partnership for Peace Framework Document",
    "", "Partnership for Peace document to which partner states subscribe.")
ent("belarus-nato-partnership-goals-2006", "agreement", "First package of Belarus–NATO partnership documents (2006)",
    "first package of partnership documents", "Package of partnership objectives agreed between Belarus and NATO.")
ent("belarus-nato-partnership-targets-2012", "agreement", "Package of NATO and Belarus targets (2012)",
    "new package of NATO and Belarus targets", "Package of partnership targets for Belarus and NATO.")
ent("president-of-belarus", "office", "President of Belarus", "Belarusian President", "The presidency of Belarus.")
ent("secretary-general-of-nato", "office", "Secretary General of NATO", "NATO Secretary General|NATO Secretary-General|Secretary General",
    "Office of NATO's Secretary General, who speaks on behalf of NATO.")
ent("minister-of-foreign-affairs-of-belarus", "office", "Minister of Foreign Affairs of Belarus", "", "Foreign minister of Belarus.")
ent("alexander-lukashenko", "person", "Alexander Lukashenko", "Lukashenko", "President of Belarus.")
ent("vladimir-putin", "person", "Vladimir Putin", "", "Political leader whom Alexander Lukashenko met.")
ent("jens-stoltenberg", "person", "Jens Stoltenberg", "", "NATO Secretary General.")
ent("raman-pratasevich", "person", "Raman Pratasevich", "Roman Protasevich|Pratasevich|Protasevich", "Belarusian journalist.")
ent("sofia-sapega", "person", "Sofia Sapega", "Sapega", "Companion of Raman Pratasevich.")
ent("ryanair-flight-diversion-2021", "event", "2021 Ryanair flight diversion to Minsk",
    "diversion and forced landing of a Ryanair flight|forcibly land a Ryanair aircraft",
    "Forced landing in Minsk of a Ryanair flight from Athens to Vilnius.")
ent("belarusian-presidential-election-2006", "event", "2006 Belarusian presidential election",
    "March 2006 presidential election|19th March election", "Presidential election in Belarus.")
ent("belarus-russia-energy-conflict-2006", "event", "2006 Belarus–Russia energy conflict", "energy conflict",
    "Energy dispute between Belarus and Russia.")
ent("eastern-partnership", "programme", "Eastern Partnership", "EaP", "EU partnership initiative in which Belarus took part.")
ent("eastern-partnership-prague-summit-2009", "event", "Prague Summit on the Eastern Partnership (2009)", "Prague Summit",
    "Summit on the Eastern Partnership held in Prague.")
ent("nato-security-forum", "event", "NATO Security Forum", "", "NATO forum on security.")
ent("nato-multinational-peacekeeping-exercise", "event", "NATO Multinational Peacekeeping Exercise", "",
    "Multinational peacekeeping exercise with NATO.")
ent("belarusian-protests-2020", "event", "2020 Belarusian protests", "protests in Belarus in 2020", "Protests in Belarus.")
ent("russian-invasion-of-ukraine", "event", "Russian invasion of Ukraine", "Russia's invasion of Ukraine",
    "Invasion of Ukraine by Russia.")
ent("chernobyl-disaster", "event", "Chernobyl disaster", "", "Disaster whose consequences Belarus has worked to mitigate.")
ent("minsk", "place", "Minsk", "", "City in Belarus.")
ent("brussels", "place", "Brussels", "", "City hosting NATO Headquarters.")
ent("prague", "place", "Prague", "", "City where the Eastern Partnership summit was held.")
ent("nato-headquarters", "place", "NATO Headquarters", "headquarters in Brussels", "Headquarters of NATO.")

# ---------------- relations: NATO page ----------------
rel("belarus", "cooperates_with", "nato", "", N,
    "Key areas of cooperation include civil preparedness and defence reforms. NATO works with Belarus to implement reforms in these areas",
    "key areas: civil preparedness and defence reforms")
rel("nato", "called_on", "belarus", "", N,
    "NATO works with Belarus to implement reforms in these areas, while continuing to call on Belarus to increase the pace of its democratic reforms",
    "to increase the pace of democratic reforms")
rel("belarus", "member_of", "north-atlantic-cooperation-council", "1992", N,
    "Relations with NATO started in 1992, when Belarus joined the North Atlantic Cooperation Council.")
rel("north-atlantic-cooperation-council", "replaced_by", "euro-atlantic-partnership-council", "1997", N,
    "This forum for dialogue was succeeded in 1997 by the Euro-Atlantic Partnership Council")
rel("belarus", "has_mission_to", "nato", "1998-04", N,
    "Dialogue is facilitated by the existence of Belarus’ diplomatic mission to NATO, which was opened in April 1998.")
rel("belarus", "participant_in", "partnership-for-peace", "1995", N,
    "Bilateral cooperation began when Belarus joined the Partnership for Peace (PfP) programme in 1995.")
rel("belarus", "cooperates_with", "nato", "1995", N,
    "Bilateral cooperation began when Belarus joined the Partnership for Peace (PfP) programme in 1995.",
    "bilateral cooperation began")
rel("individual-partnership-and-cooperation-programme", "part_of", "partnership-for-peace", "", N,
    "Under the PfP, NATO and Belarus are developing practical cooperation in a number of areas through the Individual Partnership and Cooperation Programme (IPCP)")
rel("belarus", "participant_in", "individual-partnership-and-cooperation-programme", "", N,
    "the Individual Partnership and Cooperation Programme (IPCP) between NATO and Belarus")
rel("nato", "participant_in", "individual-partnership-and-cooperation-programme", "", N,
    "the Individual Partnership and Cooperation Programme (IPCP) between NATO and Belarus")
rel("nato", "criticised", "belarus", "", N,
    "NATO Allies have expressed their concern at the lack of progress in democratic reforms in Belarus.",
    "concern at the lack of progress in democratic reforms")
rel("nato", "called_on", "belarus", "2020-08/", N,
    "closely watching the developments unfolding in Belarus since August 2020. ... The Secretary General has called on the Belarusian authorities to demonstrate full respect for human rights",
    "by the Secretary General; the source gives no exact date: the call stands in the bullet on the developments 'since August 2020', so it is dated as made in or after August 2020 (2020-08/); human rights including freedom of speech and the right to peaceful protest")
rel("nato", "supported", "belarus", "", N, "All Allies support a sovereign and independent Belarus.",
    "support for a sovereign and independent Belarus")
rel("nato", "condemned", "ryanair-flight-diversion-2021", "2021-05", N,
    "In May 2021, NATO strongly condemned the diversion and forced landing of a Ryanair flight between Athens and Vilnius in Minsk, Belarus")
rel("ryanair-flight-diversion-2021", "held_in", "minsk", "2021-05", N,
    "In May 2021, NATO strongly condemned the diversion and forced landing of a Ryanair flight between Athens and Vilnius in Minsk, Belarus")
rel("minsk", "located_in", "belarus", "", N, "in Minsk, Belarus")
rel("ryanair-flight-diversion-2021", "affected", "raman-pratasevich", "2021-05", N,
    "In May 2021, NATO strongly condemned the diversion ... as well as the removal and arrest of Raman Pratasevich, a prominent Belarusian journalist travelling on board",
    "removed and arrested")
rel("ryanair-flight-diversion-2021", "affected", "sofia-sapega", "2021-05", N,
    "In May 2021, NATO strongly condemned the diversion ... as well as the removal and arrest of Raman Pratasevich ... and his companion Sofia Sapega",
    "removed and arrested")
rel("nato", "called_on", "belarus", "2021-05", N,
    "NATO Allies have called for the immediate and unconditional release of Mr. Pratasevich and Ms. Sapega. NATO also called on Belarus to respect fundamental rights and freedoms",
    "immediate and unconditional release of Pratasevich and Sapega; respect fundamental rights and freedoms and the rules-based international order; date from the bullet's first sentence ('In May 2021')")
rel("belarus", "participant_in", "planning-and-review-process", "", N,
    "Belarus participates in the PfP Planning and Review Process (PARP).")
rel("planning-and-review-process", "part_of", "partnership-for-peace", "", N,
    "Belarus participates in the PfP Planning and Review Process (PARP).")
MINE_N = "Completed in January 2007, this joint project, led by Canada and co-funded by Belarus and Lithuania, involved the destruction of some 700,000 anti-personnel mines in Belarus."
rel("belarus", "participant_in", "belarus-anti-personnel-mine-destruction-project", "/2007-01", N,
    "Belarus participated in a NATO Trust Fund project aimed at helping the country meet its obligations under the Ottawa Convention ... Completed in January 2007",
    "NATO Trust Fund project; completed January 2007; some 700,000 anti-personnel mines destroyed")
rel("canada", "leads", "belarus-anti-personnel-mine-destruction-project", "/2007-01", N, MINE_N,
    "lead nation; completed January 2007; some 700,000 anti-personnel mines destroyed")
rel("belarus", "funds", "belarus-anti-personnel-mine-destruction-project", "/2007-01", N, MINE_N,
    "co-funded; completed January 2007; some 700,000 anti-personnel mines destroyed")
rel("lithuania", "funds", "belarus-anti-personnel-mine-destruction-project", "/2007-01", N, MINE_N,
    "co-funded; completed January 2007; some 700,000 anti-personnel mines destroyed")
rel("belarus", "implements", "ottawa-convention", "", N,
    "helping the country meet its obligations under the Ottawa Convention on the prohibition of the use, stockpiling, production and transfer of anti-personnel mines",
    "obligations met through the mine-destruction project")
rel("belarus", "participant_in", "science-for-peace-and-security-programme", "2001/..", N,
    "Since 2001, Belarus has received grant awards for about 40 cooperative activities under NATO’s Science for Peace and Security Programme (SPS).",
    "grant awards for about 40 cooperative activities since 2001")
rel("science-for-peace-and-security-programme", "part_of", "nato", "", N,
    "NATO’s Science for Peace and Security Programme (SPS)")
POL = "One notable project brought together scientists from Belarus, Norway and Ukraine to assess the hazards posed by radioactive contamination in the Polessie State Radiation-Ecological Reserve."
rel("polessie-radiation-hazard-assessment-project", "part_of", "science-for-peace-and-security-programme", "", N,
    "under NATO’s Science for Peace and Security Programme (SPS) ... One notable project brought together scientists from Belarus, Norway and Ukraine")
for st in ("belarus", "norway", "ukraine"):
    rel(st, "participant_in", "polessie-radiation-hazard-assessment-project", "", N, POL, "through its scientists")
rel("nato-public-diplomacy-division", "part_of", "nato", "", N, "engage with NATO’s Public Diplomacy Division")
SEM = "Since 2013, the NATO Public Diplomacy Division has co-organised an annual seminar with the Belarusian “Foreign Policy and Security Research Center” to discuss regional security issues."
rel("nato-public-diplomacy-division", "organizes", "nato-belarus-annual-regional-security-seminar", "2013/..", N, SEM, "co-organiser; annual")
rel("foreign-policy-and-security-research-center", "organizes", "nato-belarus-annual-regional-security-seminar", "2013/..", N, SEM, "co-organiser; annual")
rel("nato-public-diplomacy-division", "cooperates_with", "foreign-policy-and-security-research-center", "2013/..", N, SEM,
    "co-organise an annual seminar on regional security issues")
rel("foreign-policy-and-security-research-center", "located_in", "belarus", "", N,
    "the Belarusian “Foreign Policy and Security Research Center”")

# ---------------- relations: MFA page ----------------
rel("belarus", "cooperates_with", "nato", "", M,
    "Belarus is willing to maintain and expand constructive cooperation with NATO on the basis of equality and mutual respect.")
rel("belarus", "member_of", "north-atlantic-cooperation-council", "1992", M,
    "The history of relations between Belarus and NATO began in 1992, when the country joined the North Atlantic Cooperation Council")
rel("north-atlantic-cooperation-council", "replaced_by", "euro-atlantic-partnership-council", "1997", M,
    "the North Atlantic Cooperation Council, which was transformed in 1997 into the Euro-Atlantic Partnership Council – EAPC")
rel("belarus", "participant_in", "partnership-for-peace", "1995", M,
    "In 1995, the Republic of Belarus joined the “Partnership for Peace” (PfP) programmme")
rel("belarus", "has_mission_to", "nato", "1998-04", M, "In April 1998, Belarus opened its Permanent Mission to NATO in Brussels.",
    "Permanent Mission to NATO in Brussels")
rel("permanent-mission-of-belarus-to-nato", "located_in", "brussels", "1998-04", M,
    "In April 1998, Belarus opened its Permanent Mission to NATO in Brussels.", "opened April 1998")
rel("permanent-mission-of-belarus-to-nato", "part_of", "belarus", "1998-04", M,
    "In April 1998, Belarus opened its Permanent Mission to NATO in Brussels.", "Belarus's mission; opened April 1998")
IPCP_M = "The main planning document of Belarus’ participation in the PfP is the annually updated Individual Partnership and Cooperation Program (IPCP)."
rel("belarus", "participant_in", "individual-partnership-and-cooperation-programme", "", M, IPCP_M)
rel("individual-partnership-and-cooperation-programme", "part_of", "partnership-for-peace", "", M, IPCP_M)
rel("north-atlantic-council", "endorsed", "individual-partnership-and-cooperation-programme", "1997-07", M,
    "The first Individual Partnership Program with Belarus was endorsed by the NATO Council in July 1997.",
    "the first Individual Partnership Program with Belarus (the source's name for the first IPCP)")
rel("belarus", "participant_in", "individual-partnership-and-cooperation-programme", "1997-07/..", M,
    "The first Individual Partnership Program with Belarus was endorsed by the NATO Council in July 1997. Since then, the number of annual joint activities under the IPCP has increased",
    "first programme endorsed July 1997; annual joint activities increased more than six fold since then, now around 125")
rel("nato-international-staff", "part_of", "nato", "", M, "NATO International Staff and International Military Staff")
rel("nato-international-military-staff", "part_of", "nato", "", M, "NATO International Staff and International Military Staff")
CONS = "Regular consultations are held with NATO International Staff and International Military Staff on the IPCP Implementation Assessment."
rel("belarus", "met", "nato-international-staff", "", M, CONS, "regular consultations on the IPCP Implementation Assessment")
rel("belarus", "met", "nato-international-military-staff", "", M, CONS, "regular consultations on the IPCP Implementation Assessment")
rel("belarus", "implements", "individual-partnership-and-cooperation-programme", "", M,
    "Belarus attaches great importance to the implementation of the IPCP as a tool for development of practical cooperation with NATO")
rel("belarus", "participant_in", "planning-and-review-process", "2004", M,
    "In 2004, Belarus acceded to the PfP Planning and Review Process (PARP) with the main task to develop the framework of military cooperation with NATO.",
    "acceded")
rel("armed-forces-of-belarus", "part_of", "belarus", "", M, "improving the training of the Armed Forces of Belarus")
rel("belarus", "met", "nato", "", M,
    "Within PARP, Belarus and NATO regularly exchange delegations in order to design Partnership Goals for the two-year period, and to assess their implementation.",
    "regular exchange of delegations within PARP")
MINE_M = "the implementation in 2007 of a joint project by the NATO Maintenance and Supply Agency and the Belarusian Ministry of Defense to destroy a stockpile of TNT landmines"
rel("nato-maintenance-and-supply-agency", "implements", "belarus-anti-personnel-mine-destruction-project", "2007", M, MINE_M,
    "implemented in 2007; more than 300,000 TNT landmines destroyed")
rel("ministry-of-defence-of-belarus", "implements", "belarus-anti-personnel-mine-destruction-project", "2007", M, MINE_M,
    "implemented in 2007; more than 300,000 TNT landmines destroyed")
rel("belarus", "participant_in", "belarus-anti-personnel-mine-destruction-project", "2007", M,
    "A successful example of cooperation with the Alliance was the implementation in 2007 of a joint project ... More than 300,000 mines of such type were destroyed.",
    "implemented in 2007 by the Belarusian Ministry of Defence; more than 300,000 TNT landmines destroyed")
rel("nato", "funds", "belarus-anti-personnel-mine-destruction-project", "2007", M,
    "implementation in 2007 of a joint project ... with the involvement of the financial assistance from NATO. More than 300,000 mines of such type were destroyed.",
    "financial assistance; implemented in 2007; more than 300,000 TNT landmines destroyed")
rel("nato-maintenance-and-supply-agency", "part_of", "nato", "", M, "the NATO Maintenance and Supply Agency")
rel("ministry-of-defence-of-belarus", "part_of", "belarus", "", M, "the Belarusian Ministry of Defense")
rel("belarus", "implements", "ottawa-convention", "", M,
    "to destroy a stockpile of TNT landmines, as required by the Ottawa Convention")
rel("belarus", "participant_in", "science-for-peace-and-security-programme", "1993/..", M,
    "Belarusian scientific research organizations cooperate with NATO in various branches in the framework of “Science for Peace and Security” Program. ... Since 1993, more than 75 Belarusian scientists have received grants",
    "more than 75 Belarusian scientists received grants for research in NATO countries since 1993")
PRIP = "A recent example of collaboration is the project “Monitoring and forecasting of floods in the Pripyat River Basin”"
rel("pripyat-river-basin-flood-monitoring-project", "part_of", "science-for-peace-and-security-programme", "", M, PRIP)
rel("belarus", "participant_in", "pripyat-river-basin-flood-monitoring-project", "", M, PRIP,
    "through Belarusian scientific research organizations")
rel("ministry-of-emergency-situations-of-belarus", "part_of", "belarus", "", M, "the Ministry of Emergency Situations of Belarus")
TC = "Since 2013, four specialized training courses conducted by the Ministry of Emergency Situations and the Ministry of Defense are open to all EAPC countries, including NATO members."
rel("ministry-of-emergency-situations-of-belarus", "organizes", "belarusian-specialized-training-courses-for-eapc", "2013/..", M, TC,
    "four courses open to all EAPC countries")
rel("ministry-of-defence-of-belarus", "organizes", "belarusian-specialized-training-courses-for-eapc", "2013/..", M, TC,
    "four courses open to all EAPC countries")
PROP = "Among such proposals by Belarus are the following:"
rel("belarus", "supported", "joint-exercises-on-radiological-threat", "", M,
    PROP + " ... conducting joint exercises on operating in a radiological threat", "proposed by Belarus to NATO")
rel("chernobyl-disaster", "affected", "belarus", "", M,
    "the unique experience gained by Belarus to mitigate the consequences of the Chernobyl disaster")
rel("belarus", "supported", "regional-partnership-action-plan", "", M,
    PROP + " ... development of a regional partnership action plan to deepen cooperation in the fight against illegal migration",
    "proposed by Belarus to NATO")
rel("belarus", "supported", "pfp-cbrn-training-center", "", M,
    PROP + " ... creation on the basis of the Ministry of Emergency Situations of Belarus of a PfP training center",
    "proposed by Belarus to NATO; to train specialists in chemical, biological, radiological and nuclear defense")
rel("belarus", "supported", "eadrcc-disaster-response-exercise", "", M,
    PROP + " ... hosting the disaster response exercise organized by the Euro-Atlantic Disaster Response Coordination Centre (EADRCC)",
    "Belarus proposed to host it")
rel("euro-atlantic-disaster-response-coordination-centre", "organizes", "eadrcc-disaster-response-exercise", "", M,
    "the disaster response exercise organized by the Euro-Atlantic Disaster Response Coordination Centre (EADRCC)")
AFG = "Our country makes a specific contribution to the NATO-led anti-terrorist operation in Afghanistan carried out on the basis of UN Security Council Resolution 1386 (2001)."
rel("belarus", "participant_in", "international-security-assistance-force", "", M, AFG, "a specific contribution")
rel("nato", "leads", "international-security-assistance-force", "", M, "the NATO-led anti-terrorist operation in Afghanistan")
rel("nato", "implements", "unsc-resolution-1386", "", M,
    "the NATO-led anti-terrorist operation in Afghanistan carried out on the basis of UN Security Council Resolution 1386 (2001)")
rel("belarus", "implements", "unsc-resolution-1386", "", M,
    "In line with this resolution of the UN Security Council, Belarus agreed to provide to NATO the possibility of rail transit")
rel("belarus", "provides_transit_to", "nato", "2011/..", M,
    "Belarus agreed to provide to NATO the possibility of rail transit through its territory of non-lethal cargo ... Since 2011, constant transit of non-lethal supplies for ISAF is performed",
    "rail transit of non-lethal cargo of the Alliance, its member states and other ISAF contributors")
rel("belarus", "provides_transit_to", "international-security-assistance-force", "2011/..", M,
    "Since 2011, constant transit of non-lethal supplies for ISAF is performed through the territory of Belarus.",
    "non-lethal supplies")
LET = "Such agreement with the Alliance was formalized by exchange of letters between the Minister of Foreign Affairs of Belarus and the NATO Secretary General."
rel("belarus", "concluded", "belarus-nato-isaf-transit-agreement", "", M, LET, "by the Minister of Foreign Affairs")
rel("nato", "concluded", "belarus-nato-isaf-transit-agreement", "", M, LET, "by the Secretary General")
rel("minister-of-foreign-affairs-of-belarus", "office_of", "belarus", "", M, "the Minister of Foreign Affairs of Belarus")
rel("secretary-general-of-nato", "office_of", "nato", "", M, "the NATO Secretary General")

# ---------------- relations: Wikipedia ----------------
rel("belarus", "participant_in", "partnership-for-peace", "1995", W,
    "Belarus joined NATO's Partnership for Peace program in 1995.")
rel("partnership-for-peace", "part_of", "nato", "", W, "NATO's Partnership for Peace program")
rel("belarus", "cooperates_with", "nato", "1995", W,
    "Belarus first began cooperating with NATO in signing Partnership for Peace documents in 1995.",
    "began by signing 'Partnership for Peace documents' (the source does not name them)")
rel("belarus", "participant_in", "individual-partnership-and-cooperation-programme", "1997/..", W,
    "Belarus has participated in NATO's Individual Partnership Program since 1997 without joining NATO.",
    "source: 'Individual Partnership Program'; without joining NATO")
rel("individual-partnership-and-cooperation-programme", "part_of", "nato", "", W, "NATO's Individual Partnership Program")
rel("belarus", "member_of", "collective-security-treaty-organization", "", W,
    "Belarus has not joined NATO because it is a member of the Collective Security Treaty Organization under the auspices of Russia")
rel("belarus", "has_mission_to", "nato", "1998/..", W, "Since 1998, Belarus has had its own diplomatic mission in NATO.")
PKG = "in January 2006 Belarus and NATO approved the first package of partnership documents, containing 21 objectives (9 common objectives, 7 ground forces, 5 air forces) and an evaluation document"
for st in ("belarus", "nato"):
    rel(st, "endorsed", "belarus-nato-partnership-goals-2006", "2006-01", W, PKG,
        "21 objectives (9 common, 7 ground forces, 5 air forces) and an evaluation document")
rel("belarusian-presidential-election-2006", "held_in", "belarus", "2006-03", W,
    "Tensions between NATO and Belarus peaked after the March 2006 presidential election in Belarus.")
BAN = "The European Union and the United States have banned members of the Belarusian government from entering their countries following an energy conflict with the Russian Federation in late 2006."
rel("european-union", "sanctioned", "belarus", "", W, BAN,
    "entry ban on members of the Belarusian government, imposed after the late-2006 energy conflict with Russia (the ban itself is not dated)")
rel("united-states", "sanctioned", "belarus", "", W, BAN,
    "entry ban on members of the Belarusian government, imposed after the late-2006 energy conflict with Russia (the ban itself is not dated)")
for st in ("belarus", "russia"):
    rel("belarus-russia-energy-conflict-2006", "affected", st, "2006", W,
        "following an energy conflict with the Russian Federation in late 2006", "late 2006")
ELIM = "But NATO contributed to Belarus' armaments elimination, which was successfully completed in December 2006: 700,000 weapons were destroyed"
rel("nato", "participant_in", "belarus-anti-personnel-mine-destruction-project", "/2006-12", W, ELIM,
    "contributed; completed December 2006; 700,000 weapons destroyed")
rel("belarus", "participant_in", "belarus-anti-personnel-mine-destruction-project", "/2006-12", W, ELIM,
    "completed December 2006; 700,000 weapons destroyed")
rel("belarus", "implements", "ottawa-convention", "", W,
    "an important step for Belarus to fulfill its obligations under the Ottawa Convention")
rel("eastern-partnership-prague-summit-2009", "held_in", "prague", "2009-05", W, "the Prague Summit in May 2009")
rel("eastern-partnership-prague-summit-2009", "part_of", "eastern-partnership", "", W,
    "the Prague Summit in May 2009 on the Eastern Partnership")
rel("nato", "visited", "minsk", "2008-12", W,
    "A NATO senior official made his first high-level visit to Minsk in many years in December 2008.",
    "a NATO senior official; first high-level visit in many years")
rel("ministry-of-defence-of-belarus", "participant_in", "nato-security-forum", "2009", W,
    "In 2009, a Belarusian Chief of Staff of the Belarusian Ministry of Defense took part in the NATO Security Forum.",
    "represented by a Chief of Staff")
rel("belarus", "participant_in", "individual-partnership-and-cooperation-programme", "", W,
    "The 2010 NATO–Belarus Individual Partnership Program has already included around 100 practical actions for joint implementation",
    "the 2010 programme included around 100 practical actions (arms control, medical training, language learning, civil planning); "
    "left undated because a single date would read as the start of participation")
PKG12 = "In July 2012 (extended in 2014), a new package of NATO and Belarus targets was approved (6 general, 8 land, 4 air)."
for st in ("belarus", "nato"):
    rel(st, "endorsed", "belarus-nato-partnership-targets-2012", "2012-07", W, PKG12,
        "extended in 2014; 6 general, 8 land, 4 air targets; the source says only that the package of 'NATO and Belarus targets' 'was approved' "
        "(passive, approvers not named); read as approved by both, like the first package of 2006")
rel("guards-separate-mobile-brigade-103", "participant_in", "partnership-for-peace", "", W,
    "As part of the agreed objectives of Belarus' partnership with NATO, the declared personnel are regularly trained ... the peacekeeping company of the 103rd Guards Separate Mobile Brigade",
    "its peacekeeping company is among the declared personnel")
rel("military-academy-of-belarus", "participant_in", "partnership-for-peace", "", W,
    "As part of the agreed objectives of Belarus' partnership with NATO ... training of Belarusian servicemen in English and the basics of peacekeeping at the Military Academy of the Republic of Belarus",
    "trains declared personnel in English and peacekeeping")
rel("armed-forces-of-belarus", "participant_in", "nato-multinational-peacekeeping-exercise", "", W,
    "representatives of the Armed Forces of Belarus receive theoretical training and practical training in specialized courses abroad (including during the NATO Multinational Peacekeeping Exercise)")
rel("belarus", "participant_in", "partnership-for-peace", "", W,
    "To participate in the Partnership for Peace, Belarus has agreed on the strengths and means to:",
    "declared: a peacekeeping company; up to 15 officers for NATO's multinational headquarters; IL-76MD military transport aircraft; 7 physicians; 1 'Role 1+' mobile hospital; a multifunctional platoon; groups for military-civil interaction")
rel("belarus", "visited", "nato-headquarters", "2014", W,
    "In 2014, after the Russian occupation of Crimea, a Belarusian delegation headed by the Head of the International Military Cooperation Department ... paid a visit to NATO Headquarters",
    "after the Russian occupation of Crimea; delegation headed by the Head of the International Military Cooperation Department of the Ministry of Defence")
rel("nato-headquarters", "located_in", "brussels", "", W, "paid a visit to NATO Headquarters in Brussels")
rel("international-military-cooperation-department", "part_of", "ministry-of-defence-of-belarus", "", W,
    "the International Military Cooperation Department of the Belarusian Ministry of Defense")
rel("belarus", "participant_in", "planning-and-review-process", "2014/2015", W,
    "Belarus' partnership with NATO for 2014-2015 agreed within the framework of the Partnership for Peace planning and assessment process",
    "partnership for 2014-2015; source's wording: 'Partnership for Peace planning and assessment process', read as PARP")
rel("belarus", "met", "nato", "", W,
    "In accordance with the diplomatic protocol, Belarusian diplomats have regular contacts with NATO representatives.",
    "regular contacts of diplomats")
rel("alexander-lukashenko", "called_on", "nato", "2019", W,
    "In 2019, after yet another aggravation of Belarusian-Russian relations, Belarusian President Alexander Lukashenko called for improved relations with NATO",
    "called for improved relations")
rel("alexander-lukashenko", "holds_office", "president-of-belarus", "", W, "Belarusian President Alexander Lukashenko",
    "in office in 2019 and 2020 per the source; start not given")
rel("president-of-belarus", "office_of", "belarus", "", W, "the President of Belarus")
rel("belarus", "sanctioned", "united-states", "2008", W,
    "lifted restrictions on American diplomats (which had been in place since 2008)",
    "restrictions on American diplomats in place since 2008, lifted by Lukashenko in 2019")
rel("alexander-lukashenko", "criticised", "russia", "2019", W,
    "“You don’t let our products into your market, you call us parasites, you put pressure on us wherever you can,” Lukashenko said about Moscow’s subsequent “hysteria.”")
INV = "After Russia's invasion of Ukraine in 2022, Belarus unexpectedly declared its readiness to cooperate with NATO."
rel("russia", "participant_in", "russian-invasion-of-ukraine", "2022", W, "After Russia's invasion of Ukraine in 2022", "invader")
rel("russian-invasion-of-ukraine", "affected", "ukraine", "2022", W, "After Russia's invasion of Ukraine in 2022")
rel("belarus", "cooperates_with", "nato", "", W, INV,
    "declared its readiness to cooperate after Russia's 2022 invasion of Ukraine; left undated because a single date would read as the start of cooperation")
rel("belarusian-protests-2020", "held_in", "belarus", "2020", W, "After the protests in Belarus in 2020")
rel("alexander-lukashenko", "criticised", "nato", "2020/", W,
    "After the protests in Belarus in 2020, the President of Belarus, Alexander Lukashenko, has constantly intimidated the citizens of Belarus with the prospect of NATO invasion from Poland and Lithuania.",
    "presented the prospect of a NATO invasion from Poland and Lithuania")
rel("alexander-lukashenko", "met", "vladimir-putin", "2021-05", W,
    "After meeting with Vladimir Putin in May 2021, he stated")
rel("north-atlantic-council", "condemned", "ryanair-flight-diversion-2021", "", W,
    "the NATO North Atlantic Council condemned Belarus' actions to forcibly land a Ryanair aircraft")
rel("north-atlantic-council", "condemned", "belarus", "", W,
    "the NATO North Atlantic Council condemned Belarus' actions to forcibly land a Ryanair aircraft, as well as the arrest of Roman Protasevich and his girlfriend Sofia Sapega",
    "actions: forced landing of a Ryanair aircraft; arrests")
rel("north-atlantic-council", "part_of", "nato", "", W, "the NATO North Atlantic Council")
rel("belarus", "detained", "raman-pratasevich", "", W,
    "Belarus' actions to forcibly land a Ryanair aircraft, as well as the arrest of Roman Protasevich")
rel("belarus", "detained", "sofia-sapega", "", W,
    "Belarus' actions to forcibly land a Ryanair aircraft, as well as the arrest of Roman Protasevich and his girlfriend Sofia Sapega")
rel("north-atlantic-council", "criticised", "belarus", "", W,
    "The Council stressed that Protasevich's detention violated the principles of political dissent and freedom of the press.")
rel("jens-stoltenberg", "holds_office", "secretary-general-of-nato", "", W, "NATO Secretary-General Jens Stoltenberg",
    "in office at the time of the Ryanair response; the source gives no date")
rel("nato", "sanctioned", "belarus", "", W,
    "NATO had decided to restrict Belarus' access to its headquarters in Brussels",
    "restricted Belarus' access to NATO headquarters in Brussels")
for m in MEMBERS:
    q = "Belarus's foreign relations with NATO member states ... " + m
    rel(slug(m), "member_of", "nato", "", W, q, "listed as a NATO member state")
    rel("belarus", "diplomatic_relations_with", slug(m), "", W, q,
        "listed under 'Belarus's foreign relations with NATO member states'; no date")

# ---------------- relations: NAC statement 2006 ----------------
rel("north-atlantic-council", "condemned", "belarus", "2006-03-31", S,
    "31 March 2006 ... The North Atlantic Council condemns and deplores the use of force by the Belarusian authorities against civilian demonstrators ... as well as the arbitrary detentions",
    "use of force against peaceful demonstrators and arbitrary detentions around the 19 March election")
rel("belarusian-presidential-election-2006", "held_in", "belarus", "2006-03-19", S,
    "the arbitrary detentions of Belarusian citizens and foreign nationals before and after the 19th March election",
    "year from the statement's date (31 March 2006)")
rel("international-election-observation-mission-2006", "criticised", "belarusian-presidential-election-2006", "", S,
    "The OSCE/ODIHR-coordinated International Election Observation Mission testified that international electoral standards were not met.",
    "international electoral standards were not met")
rel("international-election-observation-mission-2006", "part_of", "osce-odihr", "", S,
    "The OSCE/ODIHR-coordinated International Election Observation Mission", "coordinated by OSCE/ODIHR")
rel("osce-odihr", "part_of", "organization-for-security-and-co-operation-in-europe", "", S,
    "The OSCE/ODIHR-coordinated International Election Observation Mission")
rel("secretary-general-of-nato", "office_of", "nato", "", S,
    "The Secretary General issued a statement on behalf of NATO", "acts on behalf of NATO")
rel("nato", "condemned", "belarusian-presidential-election-2006", "", S,
    "The Secretary General issued a statement on behalf of NATO condemning the way in which the election was conducted.",
    "statement by the Secretary General on behalf of NATO, issued before the NAC statement of 31 March 2006")
rel("north-atlantic-council", "called_on", "belarus", "2006-03-31", S,
    "NATO expects its Partners to respect their commitments to democratic standards made within the OSCE framework and the values and principles of the Partnership for Peace.")
rel("north-atlantic-council", "criticised", "belarus", "2006-03-31", S,
    "All states who subscribed to the Partnership for Peace Framework Document of 1994 committed themselves to the preservation of democratic societies ... by a Partner country are cause for grave concern.",
    "disregard for rights of peaceful assembly and free expression and misuse of security forces")
rel("partnership-for-peace-framework-document", "part_of", "partnership-for-peace", "", S,
    "the Partnership for Peace Framework Document of 1994")
rel("nato", "sanctioned", "belarus", "2006-03-31", S,
    "NATO has begun a careful review of its relationship with Belarus ... It will not deal with those that have been involved in the repression of the Belarusian people.",
    "restrictive measure: NATO began a review of its relationship with Belarus and will not deal with those involved in the repression")
ent("nato-review-of-relations-with-belarus-2006", "event", "NATO review of its relationship with Belarus (2006)",
    "review of its relationship with Belarus|NATO review",
    "NATO's reassessment of its relationship with Belarus, announced by the North Atlantic Council.")
ent("belarusian-election-protests-2006", "event", "2006 Belarusian election protests",
    "civilian demonstrators peacefully protesting",
    "Peaceful demonstrations in Belarus against the conduct of the 2006 presidential election.")
rel("nato", "organizes", "nato-review-of-relations-with-belarus-2006", "2006-03-31", S,
    "31 March 2006 ... NATO has begun a careful review of its relationship with Belarus",
    "begun by the date of the statement")
rel("nato-review-of-relations-with-belarus-2006", "responded_to", "belarusian-presidential-election-2006", "2006-03-31", S,
    "before and after the 19th March election ... As part of a broader diplomatic response, NATO has begun a careful review of its relationship with Belarus",
    "a response to the conduct of the election and the repression around it")
rel("nato-review-of-relations-with-belarus-2006", "affected", "belarus", "2006-03-31", S,
    "NATO has begun a careful review of its relationship with Belarus to determine how the Alliance can best add value")
rel("belarusian-election-protests-2006", "responded_to", "belarusian-presidential-election-2006", "2006-03", S,
    "civilian demonstrators peacefully protesting against the violation of their right to a democratic election process",
    "month from the 19 March election and the statement of 31 March 2006")
rel("north-atlantic-council", "condemned", "belarusian-election-protests-2006", "2006-03-31", S,
    "The North Atlantic Council condemns and deplores the use of force by the Belarusian authorities against civilian demonstrators",
    "condemns the use of force against the demonstrators, not the demonstrations")

# ---------------- write ----------------
def write(name, header, rows):
    with open(os.path.join(HERE, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)

used = {r[0] for r in R} | {r[2] for r in R}
graph = {r["id"]: r["kind"] for r in csv.DictReader(open("/work/main/graph-data/entities.csv", encoding="utf-8"))}
for (i, k, l, a, d) in E:
    if i in graph and graph[i] != k:
        raise SystemExit(f"kind clash with graph-data: {i} {k} vs {graph[i]}")
already = sorted(i for (i, *_ ) in E if i in graph and i in used)
print("also in graph-data (kinds agree; kept, merge unites aliases):", len(already), " ".join(already))
seed = {r["id"] for r in csv.DictReader(open("/work/main/curation/seed/entities.csv", encoding="utf-8"))} | {"belarus", "nato"}
# graph-data/entities.csv is regenerated by curation/merge.py from seed + curator folders, so only seed ids are left out
ents = [(i, k, l, a, d, "") for (i, k, l, a, d) in E if i in used and i not in seed]
unused = [e[0] for e in E if e[0] not in used]
if unused:
    print("UNUSED entities dropped:", unused)
ids = [e[0] for e in E]
assert len(ids) == len(set(ids)), "duplicate entity ids"
write("entities.csv", ["id", "kind", "label", "aliases", "description", "same_as"], ents)
write("relations.csv", ["subject", "predicate", "object", "date", "source", "quote", "note"], R)
shutil.copy("/work/main/graph-data/sources.csv", os.path.join(HERE, "sources.csv"))
print(len(ents), "entities written,", len(used), "entities used,", len(R), "claims")
