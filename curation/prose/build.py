#!/usr/bin/env python3
"""Build entities.csv / relations.csv for the prose of wikipedia-foreign-relations-of-belarus."""
import csv, os, re, sys, unicodedata
HERE = os.path.dirname(os.path.abspath(__file__))
SRC = "wikipedia-foreign-relations-of-belarus"
FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u00a0": " "})
def norm(t):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", t).translate(FOLD)).strip()
TEXT = norm(open(f"/work/shared/sources/{SRC}.txt", encoding="utf-8").read())

E = []  # id, kind, label, aliases, description
def ent(i, kind, label, aliases="", desc=""):
    E.append((i, kind, label, aliases, desc))

ent("united-nations", "organization", "United Nations", "UN", "International organisation of states.")
ent("soviet-union", "state", "Soviet Union", "", "Former state of which Belarus was a republic.")
ent("ukraine", "state", "Ukraine", "Ukrainian SSR", "State neighbouring Belarus.")
ent("commonwealth-of-independent-states", "organization", "Commonwealth of Independent States", "CIS", "Regional organisation that Belarus joined after the dissolution of the Soviet Union.")
ent("organization-for-security-and-co-operation-in-europe", "organization", "Organization for Security and Co-operation in Europe",
    "OSCE|Organization for Security and Cooperation in Europe", "European regional security organisation.")
ent("partnership-for-peace", "programme", "Partnership for Peace", "NATO's Partnership for Peace|PfP", "NATO programme of bilateral cooperation with partner countries.")
ent("north-atlantic-cooperation-council", "organization", "North Atlantic Cooperation Council", "", "Consultative forum of NATO and partner countries.")
ent("international-monetary-fund", "organization", "International Monetary Fund", "IMF", "International financial institution.")
ent("world-bank", "organization", "World Bank", "", "International financial institution.")
ent("supreme-council-of-the-bssr", "organization", "Supreme Council of the BSSR", "", "Legislature of the Byelorussian SSR.")
ent("declaration-of-state-sovereignty-of-belarus", "agreement", "Declaration of State Sovereignty of Belarus", "declaration of State Sovereignty of Belarus", "Declaration adopted by the Supreme Council of the BSSR.")
ent("dissolution-of-the-soviet-union", "event", "Dissolution of the Soviet Union", "", "Break-up of the Soviet Union.")
ent("russia", "state", "Russia", "", "State in a union with Belarus.")
ent("union-state", "organization", "Union of Russia and Belarus", "Union State|supranational union", "Supranational union of Russia and Belarus.")
ent("council-of-europe", "organization", "Council of Europe", "", "European international organisation.")
ent("russian-financial-crisis-1998", "event", "1998 Russian financial crisis", "", "Financial crisis in Russia.")
ent("alexander-lukashenko", "person", "Alexander Lukashenko", "Lukashenko|President Lukashenko", "President of Belarus.")
ent("president-of-belarus", "office", "President of Belarus", "", "The presidency of Belarus.")
ent("treaty-on-the-formation-of-a-community-of-russia-and-belarus", "agreement", "Treaty on the Formation of a Community of Russia and Belarus", "", "Russia–Belarus integration treaty.")
ent("treaty-on-russia-belarus-union", "agreement", "Treaty on Russia-Belarus Union", "", "Russia–Belarus integration treaty.")
ent("union-charter", "agreement", "Union Charter", "", "Russia–Belarus integration document.")
ent("treaty-on-the-formation-of-a-union-state", "agreement", "Treaty on the Formation of a Union State", "Treaty of the Formation of a Union State", "Russia–Belarus integration treaty.")
ent("belarus-russia-monetary-union", "programme", "Belarus–Russia monetary union", "monetary union", "Planned monetary union of Belarus and Russia.")
ent("central-bank-of-russia", "organization", "Central Bank of Russia", "Russian Central Bank", "Central bank of Russia.")
ent("european-community", "organization", "European Community", "EC", "European economic community of states.")
ent("european-union", "organization", "European Union", "EU", "Political and economic union of European states.")
ent("eu-belarus-partnership-and-cooperation-agreement", "agreement", "EU–Belarus Partnership and Cooperation Agreement",
    "Partnership and Cooperation Agreement|PCA", "Bilateral partnership agreement between the EU and Belarus.")
ent("tacis", "programme", "TACIS", "TACIS programme", "Assistance programme under which Belarus received aid.")
ent("drazdy-conflict", "event", "Drazdy conflict", "", "Conflict that set back EU–Belarus relations.")
ent("constitution-of-belarus-1994", "agreement", "Constitution of Belarus (1994)", "1994 constitution", "Earlier constitution of Belarus, later replaced.")
ent("constitution-of-belarus-1996", "agreement", "Constitution of Belarus (1996)", "1996 constitution", "Constitution of Belarus that replaced the earlier one.")
ent("council-of-the-european-union", "organization", "Council of the European Union", "", "Institution of the EU.")
ent("eu-technical-assistance-to-belarus", "programme", "EU technical assistance programmes for Belarus", "EU technical assistance programs", "EU technical assistance to Belarus.")
ent("eu-step-by-step-approach-to-belarus", "programme", "EU step-by-step approach to Belarus", "step-by-step approach", "EU policy of gradually lifting sanctions on Belarus against OSCE benchmarks.")
ent("osce-amg", "organization", "OSCE AMG", "", "OSCE group that made recommendations on Belarus.")
ent("european-commission", "organization", "European Commission", "EU's executive commission", "Executive institution of the EU.")
ent("ec-ussr-trade-and-cooperation-agreement", "agreement", "Trade and Cooperation Agreement (EC–USSR, 1989)", "Trade and Cooperation Agreement",
    "Trade agreement between the European Community and the Soviet Union.")
ent("united-kingdom", "state", "United Kingdom", "", "Sovereign state.")
ent("minsk", "place", "Minsk", "", "City in Belarus.")
ent("belarus-united-kingdom-double-taxation-agreement", "agreement", "Belarus–United Kingdom Double Taxation Agreement", "Double Taxation Agreement", "Bilateral tax treaty.")
ent("belarus-united-kingdom-investment-agreement", "agreement", "Belarus–United Kingdom Investment Agreement", "Investment Agreement", "Bilateral investment agreement.")
ent("united-states", "state", "United States", "US|U.S.|American", "Sovereign state.")
ent("overseas-private-investment-corporation-agreement", "agreement", "Overseas Private Investment Corporation agreement (Belarus)", "",
    "Investment agreement concerning Belarus under the Overseas Private Investment Corporation.")
ent("imf-stand-by-credit-to-belarus-1995", "programme", "IMF stand-by credit to Belarus (1995)", "standby credit", "IMF stand-by financing programme for Belarus.")
ent("generalised-system-of-preferences", "programme", "Generalised System of Preferences", "GSP|EU's Generalised System of Preferences", "EU trade preference scheme.")
ent("eu-gsp-investigation-into-belarus-2003", "event", "European Commission GSP investigation into Belarus (2003)", "",
    "Investigation into violations of freedom of association in Belarus.")
ent("belarusian-parliamentary-election-2004", "event", "2004 Belarusian parliamentary election", "parliamentary elections", "Parliamentary elections in Belarus.")
ent("belarusian-referendum-2004", "event", "2004 Belarusian referendum", "referendum", "Referendum in Belarus.")
ent("minsk-demonstrations-2004", "event", "2004 Minsk demonstrations", "peaceful political demonstrations in Minsk", "Political demonstrations in Minsk after the elections and referendum.")
ent("eu-position-on-travel-restrictions-2004", "agreement", "EU position on travel restrictions for Belarusian officials (December 2004)", "",
    "EU position imposing travel restrictions on Belarusian officials.")
ent("european-parliament", "organization", "European Parliament", "European parliamentarians", "European parliamentary body.")
ent("european-parliament-resolution-on-belarusian-officials-bank-accounts", "agreement", "European Parliament resolution on Belarusian officials' bank accounts", "",
    "European Parliament resolution on tracking and freezing bank accounts of Belarusian leaders.")
ent("amnesty-international", "organization", "Amnesty International", "", "International human-rights NGO.")
ent("reporters-without-borders", "organization", "Reporters Without Borders", "", "International press-freedom NGO.")
ent("poland", "state", "Poland", "Polish", "Sovereign state.")
ent("orange-revolution", "event", "Orange Revolution", "", "Peaceful revolution in Ukraine.")
ent("union-of-poles-in-belarus", "organization", "Union of Poles in Belarus", "", "Association of the Polish minority in Belarus.")
ent("belarusian-riot-police", "organization", "Belarusian riot police", "", "Belarusian police unit.")
ent("union-of-poles-in-belarus-headquarters-seizure-2005", "event", "2005 seizure of the Union of Poles in Belarus headquarters", "", "Police seizure of the association's headquarters.")
ent("adam-rotfeld", "person", "Adam Rotfeld", "", "Polish foreign minister.")
ent("minister-of-foreign-affairs-of-poland", "office", "Minister of Foreign Affairs of Poland", "Polish Foreign Minister", "Foreign minister of Poland.")
ent("eu-support-for-human-rights-activities-in-belarus", "programme", "European Commission support for human rights activities in Belarus", "",
    "EU budget support for human rights activities and independent media in Belarus.")
ent("france", "state", "France", "", "Sovereign state.")
ent("eastern-partnership", "programme", "Eastern Partnership", "EaP", "EU partnership initiative in which Belarus took part.")
ent("sweden", "state", "Sweden", "Swedish", "Sovereign state.")
ent("stefan-eriksson", "person", "Stefan Eriksson", "", "Swedish diplomat.")
ent("ambassador-of-sweden-to-belarus", "office", "Swedish Ambassador to Belarus", "", "Sweden's ambassador accredited to Belarus.")
ent("minsk-teddy-bear-airdrop-2012", "event", "2012 Minsk teddy bear airdrop", "",
    "Airdrop of teddy bears with pro-democracy flyers over Minsk by a Swedish public relations firm.")
ent("imf-staff-monitored-program-belarus-2001", "programme", "IMF Staff-monitored program for Belarus (2001)", "SMP|IMF Staff-monitored program", "IMF-monitored reform programme for Belarus.")
ent("united-states-congress", "organization", "United States Congress", "Congress of the United States|Congress", "Legislature of the United States.")
ent("belarus-democracy-act-of-2004", "agreement", "Belarus Democracy Act of 2004", "", "United States law concerning Belarus.")
ent("karen-b-stewart", "person", "Karen B. Stewart", "", "United States diplomat.")
ent("ambassador-of-the-united-states-to-belarus", "office", "United States Ambassador to Belarus", "US Ambassador", "The United States' ambassador accredited to Belarus.")
ent("hong-kong-national-security-law", "agreement", "Hong Kong national security law", "", "National security law for Hong Kong.")
ent("united-nations-human-rights-council", "organization", "United Nations Human Rights Council", "", "UN human-rights body.")
ent("belarus-nuclear-weapons-offer-2023", "event", "2023 Belarusian nuclear weapons offer", "", "Offer of nuclear weapons by the President of Belarus to states joining Belarus and Russia.")

R = []
def rel(s, p, o, date, quote, note=""):
    for f in re.split(r"\.\.\.", norm(quote)):
        f = f.strip()
        if f and f not in TEXT:
            sys.exit(f"QUOTE NOT FOUND: {f!r}")
    R.append((s, p, o, date, SRC, quote, note))

# --- intro
q = "The Byelorussian SSR was one of only two Soviet republics to be separate members of the United Nations ... joined the UN when the organization was founded in 1945"
rel("belarus", "member_of", "united-nations", "1945", q, "as the Byelorussian SSR, a founding member")
rel("ukraine", "member_of", "united-nations", "1945", "(the other being the Ukrainian SSR). Both republics and the Soviet Union joined the UN when the organization was founded in 1945", "as the Ukrainian SSR")
rel("soviet-union", "member_of", "united-nations", "1945", "Both republics and the Soviet Union joined the UN when the organization was founded in 1945")
rel("dissolution-of-the-soviet-union", "affected", "belarus", "", "After the dissolution of the Soviet Union, at which time Belarus gained its independence", "Belarus gained its independence")
rel("dissolution-of-the-soviet-union", "affected", "soviet-union", "", "After the dissolution of the Soviet Union")
pre = "After the dissolution of the Soviet Union, at which time Belarus gained its independence, Belarus became a member of"
rel("belarus", "member_of", "commonwealth-of-independent-states", "", pre + " the Commonwealth of Independent States (CIS)", "after the dissolution of the Soviet Union")
rel("belarus", "member_of", "organization-for-security-and-co-operation-in-europe", "", pre + " ... the Organization for Security and Cooperation in Europe (OSCE)", "after the dissolution of the Soviet Union")
rel("belarus", "participant_in", "partnership-for-peace", "", pre + " ... NATO's Partnership for Peace", "after the dissolution of the Soviet Union; source says 'member'")
rel("partnership-for-peace", "part_of", "nato", "", "NATO's Partnership for Peace")
rel("belarus", "member_of", "north-atlantic-cooperation-council", "", pre + " ... the North Atlantic Cooperation Council", "after the dissolution of the Soviet Union")
rel("belarus", "member_of", "international-monetary-fund", "", pre + " ... the International Monetary Fund", "after the dissolution of the Soviet Union")
rel("belarus", "member_of", "world-bank", "", pre + " ... and the World Bank", "after the dissolution of the Soviet Union")
rel("supreme-council-of-the-bssr", "endorsed", "declaration-of-state-sovereignty-of-belarus", "1990",
    "The adoption by Supreme Council of the BSSR of the declaration of State Sovereignty of Belarus in 1990", "adopted; described as a turning point in the development of the state")
rel("supreme-council-of-the-bssr", "part_of", "belarus", "", "Supreme Council of the BSSR of the declaration of State Sovereignty of Belarus")
rel("belarus", "allied_with", "russia", "1996-04-02/..", "It has also been in a supranational union with Russia since 2 April 1996, although this has had little practical effect.", "supranational union; 'little practical effect'")
rel("belarus", "member_of", "union-state", "1996-04-02/..", "It has also been in a supranational union with Russia since 2 April 1996", "the Union of Russia and Belarus")
rel("russia", "member_of", "union-state", "1996-04-02/..", "in a supranational union with Russia since 2 April 1996", "the Union of Russia and Belarus")
rel("belarus", "cooperates_with", "council-of-europe", "", "Belarus-Council of Europe relations are based on cooperation and it is not a member (like Russia).", "Belarus is not a member of the Council of Europe (nor is Russia)")

# --- Belarus-Russia (pre-2001)
rel("belarus", "trades_with", "russia", "1995", "The introduction of free trade between Russia and Belarus in mid-1995 led to a spectacular growth in bilateral trade",
    "mid-1995; free trade introduced")
rel("russian-financial-crisis-1998", "affected", "belarus", "1998", "spectacular growth in bilateral trade, which was only temporarily reversed due to the 1998 Russian financial crisis",
    "temporarily reversed the growth of Belarus–Russia trade")
rel("russian-financial-crisis-1998", "held_in", "russia", "1998", "the 1998 Russian financial crisis")
rel("alexander-lukashenko", "holds_office", "president-of-belarus", "", "President Alexander Lukashenko sought to develop a closer relationship with Russia.", "start of office not given in the source")
rel("president-of-belarus", "office_of", "belarus", "", "In May 2023, the President of Belarus offered nuclear weapons")
fw = "The framework for the Union of Russia and Belarus was set out in"
treaties = [("treaty-on-the-formation-of-a-community-of-russia-and-belarus", "1996", "the Treaty on the Formation of a Community of Russia and Belarus (1996)"),
            ("treaty-on-russia-belarus-union", "", "the Treaty on Russia-Belarus Union"),
            ("union-charter", "1997", "the Union Charter (1997)"),
            ("treaty-on-the-formation-of-a-union-state", "1999", "the Treaty of the Formation of a Union State (1999)")]
for tid, d, t in treaties:
    rel(tid, "part_of", "union-state", "", fw + " ... " + t, "sets out the framework of the Union; integration treaties contain commitments to monetary union, equal rights, single citizenship, common defence and foreign policy")
    rel("belarus", "concluded", tid, d, fw + " ... " + t, "Russia–Belarus integration treaty (parties as named by the source: 'integration treaties' of Russia and Belarus)")
    rel("russia", "concluded", tid, d, fw + " ... " + t, "Russia–Belarus integration treaty (parties as named by the source: 'integration treaties' of Russia and Belarus)")
rel("belarus-russia-monetary-union", "part_of", "union-state", "", "The integration treaties contained commitments to monetary union", "commitment in the integration treaties")

# --- Belarus-EU (pre-2001)
rel("european-community", "recognised", "belarus", "1991-12", "Following the recognition of Belarus as an independent state in December 1991 by the European Community", "as an independent state")
rel("belarus", "signed", "eu-belarus-partnership-and-cooperation-agreement", "1995", "The signature of the Partnership and Cooperation Agreement (PCA) in 1995 signaled a commitment to political, economic and trade cooperation")
rel("european-union", "signed", "eu-belarus-partnership-and-cooperation-agreement", "1995", "EC/EU-Belarus relations initially experienced a steady progress. The signature of the Partnership and Cooperation Agreement (PCA) in 1995", "source speaks of EC/EU")
rel("belarus", "cooperates_with", "european-union", "1995", "The signature of the Partnership and Cooperation Agreement (PCA) in 1995 signaled a commitment to political, economic and trade cooperation", "commitment signalled by the PCA signature")
rel("belarus", "participant_in", "tacis", "", "Some assistance was provided to Belarus within the framework of the TACIS programme", "recipient of assistance")
rel("drazdy-conflict", "affected", "european-union", "1996", "progress in EU-Belarus relations stalled in 1996 after serious setbacks to the development of democracy, and the Drazdy conflict",
    "EU–Belarus relations stalled in 1996 after it; the source does not date the conflict itself")
rel("drazdy-conflict", "affected", "belarus", "1996", "progress in EU-Belarus relations stalled in 1996 after serious setbacks to the development of democracy, and the Drazdy conflict",
    "EU–Belarus relations stalled in 1996 after it; the source does not date the conflict itself")
rel("european-union", "not_recognised", "constitution-of-belarus-1996", "", "The EU did not recognize the 1996 constitution")
rel("constitution-of-belarus-1994", "replaced_by", "constitution-of-belarus-1996", "1996", "the 1996 constitution, which replaced the 1994 constitution")
rel("council-of-the-european-union", "part_of", "european-union", "", "The Council of the European Union")
rel("council-of-the-european-union", "opposed", "belarus", "1997", "The Council of the European Union decided against Belarus in 1997",
    "PCA and its trade-related part not concluded; Belarusian membership in the Council of Europe not supported; ministerial-level relations suspended; EU technical assistance frozen")
rel("council-of-the-european-union", "not_ratified", "eu-belarus-partnership-and-cooperation-agreement", "1997",
    "The Council of the European Union decided against Belarus in 1997: The PCA was not concluded, nor was its trade-related part", "source: 'not concluded' (nor its trade-related part)")
rel("council-of-the-european-union", "suspended", "eu-technical-assistance-to-belarus", "1997", "bilateral relations at the ministerial level were suspended and EU technical assistance programs were frozen",
    "programmes frozen; bilateral relations at ministerial level also suspended")
rel("european-union", "endorsed", "eu-step-by-step-approach-to-belarus", "1999",
    "the EU adopted a step-by-step approach in 1999, whereby sanctions would be gradually lifted upon fulfillment of the four benchmarks set by the Organization for Security and Co-operation in Europe",
    "adopted; sanctions to be lifted upon fulfilment of four OSCE benchmarks")
rel("eu-step-by-step-approach-to-belarus", "responded_to", "belarus", "1999", "Acknowledging the lack of progress in relation to bilateral relations and the internal situation following the position adopted in 1997, the EU adopted a step-by-step approach in 1999",
    "response to the lack of progress in Belarus's internal situation")
rel("osce-amg", "part_of", "organization-for-security-and-co-operation-in-europe", "", "recommendations made by the OSCE AMG")
rel("osce-amg", "called_on", "belarus", "",
    "In 2000, some moderately positive developments toward the implementation of recommendations made by the OSCE AMG were observed",
    "recommendations (not dated in the source); in 2000 some moderately positive developments toward their implementation were observed, "
    "not sufficient on access to fair and free elections")
ecq = "The EU has not yet ratified the bilateral Partnership and Cooperation Agreement concluded with Belarus in 1995, due to Belarus' lack of commitment to democracy, and political and civil rights"
rel("european-union", "not_ratified", "eu-belarus-partnership-and-cooperation-agreement", "", "as of 2025, \"The EU has not yet ratified the bilateral Partnership and Cooperation Agreement concluded with Belarus in 1995",
    "as of 2025, per the European Commission's website; due to Belarus' lack of commitment to democracy and political and civil rights")
rel("european-union", "concluded", "eu-belarus-partnership-and-cooperation-agreement", "1995", ecq, "as quoted from the European Commission's website; the source also says the Council decided in 1997 that the PCA was not concluded")
rel("belarus", "concluded", "eu-belarus-partnership-and-cooperation-agreement", "1995", "the bilateral Partnership and Cooperation Agreement concluded with Belarus in 1995", "as quoted from the European Commission's website")
tca = "remain covered by the Trade and Cooperation Agreement concluded by the European Community with the Soviet Union in 1989"
rel("european-community", "concluded", "ec-ussr-trade-and-cooperation-agreement", "1989", tca)
rel("soviet-union", "concluded", "ec-ussr-trade-and-cooperation-agreement", "1989", tca)
rel("belarus", "endorsed", "ec-ussr-trade-and-cooperation-agreement", "", "The bilateral trade and economic relations therefore remain covered by the Trade and Cooperation Agreement ... and subsequently endorsed by Belarus",
    "still covers EU–Belarus trade and economic relations (as of 2025)")

# --- UK
rel("belarus", "diplomatic_relations_with", "united-kingdom", "1992-01-27", "Belarus established diplomatic relations with the United Kingdom on 27 January 1992.")
rel("belarus", "has_mission_to", "united-kingdom", "", "Belarus maintains an embassy in London.", "embassy in London")
rel("united-kingdom", "has_mission_to", "belarus", "", "The United Kingdom is accredited to Belarus through its embassy in Minsk.", "embassy in Minsk")
rel("minsk", "located_in", "belarus", "", "The United Kingdom is accredited to Belarus through its embassy in Minsk.")
rel("united-kingdom", "member_of", "organization-for-security-and-co-operation-in-europe", "", "Both countries share common membership of the OSCE.")
for a, t in (("belarus-united-kingdom-double-taxation-agreement", "Bilaterally the two countries have a Double Taxation Agreement"),
             ("belarus-united-kingdom-investment-agreement", "Bilaterally the two countries have a Double Taxation Agreement, and an Investment Agreement")):
    rel("belarus", "concluded", a, "", t, "source: the two countries 'have' the agreement")
    rel("united-kingdom", "concluded", a, "", t, "source: the two countries 'have' the agreement")

# --- US (pre-2001)
rel("united-states", "called_on", "belarus", "", "The United States has encouraged Belarus to conclude and adhere to agreements with the International Monetary Fund (IMF)",
    "encouraged IMF agreements on macroeconomic stabilization, increased privatization and a favourable business climate")
rel("belarus", "signed", "overseas-private-investment-corporation-agreement", "1992-06",
    "An Overseas Private Investment Corporation agreement was signed in June 1992 but has been suspended since 1995 because Belarus did not fulfill its obligations under the agreement",
    "signing parties not named (passive); Belarus is bound by obligations under it; suspended since 1995 (suspending party not named)")
rel("international-monetary-fund", "funds", "imf-stand-by-credit-to-belarus-1995", "1995-09", "The IMF granted standby credit in September 1995")
rel("belarus", "participant_in", "imf-stand-by-credit-to-belarus-1995", "1995-09/",
    "The IMF granted standby credit in September 1995, but Belarus has fallen off the program and did not receive the second tranche of funding",
    "fell off the program; second tranche, scheduled throughout 1996, not received")
tr = "The United States - along with the European Union - has restricted the travel of President Alexander Lukashenko and members of his inner circle, as well as imposing economic sanctions."
rel("united-states", "sanctioned", "alexander-lukashenko", "", tr, "travel restrictions on Lukashenko and his inner circle")
rel("european-union", "sanctioned", "alexander-lukashenko", "", tr, "travel restrictions on Lukashenko and his inner circle")
rel("united-states", "sanctioned", "belarus", "", tr, "economic sanctions")
rel("european-union", "sanctioned", "belarus", "", tr, "economic sanctions")

# --- 2001 onwards: EU
rel("belarus", "trades_with", "european-union", "", "Belarusian exports to the EU consist mainly of agricultural and textile products, while imports from the EU are primarily machinery.")
rel("belarus", "participant_in", "generalised-system-of-preferences", "", "Belarus is a beneficiary of the EU's Generalised System of Preferences (GSP).", "beneficiary")
rel("generalised-system-of-preferences", "part_of", "european-union", "", "the EU's Generalised System of Preferences (GSP)")
rel("european-commission", "organizes", "eu-gsp-investigation-into-belarus-2003", "2003",
    "The European Commission decided in 2003 to initiate an investigation into violations of freedom of association in Belarus",
    "first step towards a possible temporary withdrawal of the GSP from Belarus")
rel("eu-gsp-investigation-into-belarus-2003", "affected", "belarus", "2003", "an investigation into violations of freedom of association in Belarus as the first step towards a possible temporary withdrawal of the GSP from Belarus")
rel("european-commission", "part_of", "european-union", "", "In August 2005 the EU's executive commission called for human rights to be respected in Belarus.")
dec = "In December 2004, the EU adopted a position aimed at imposing travel restrictions on officials from Belarus responsible for the fraudulent parliamentary elections and referendum on 17 October 2004"
rel("european-union", "endorsed", "eu-position-on-travel-restrictions-2004", "2004-12", dec, "adopted")
rel("european-union", "sanctioned", "belarus", "2004-12", dec, "travel restrictions on Belarusian officials responsible for the elections, referendum and human rights violations")
rel("eu-position-on-travel-restrictions-2004", "responded_to", "belarusian-parliamentary-election-2004", "2004-12", dec, "called 'fraudulent' by the source")
rel("eu-position-on-travel-restrictions-2004", "responded_to", "belarusian-referendum-2004", "2004-12", dec, "called 'fraudulent' by the source")
rel("eu-position-on-travel-restrictions-2004", "responded_to", "minsk-demonstrations-2004", "2004-12",
    "and for human rights violations during subsequent peaceful political demonstrations in Minsk", "human rights violations during the demonstrations")
rel("belarusian-parliamentary-election-2004", "held_in", "belarus", "2004-10-17", "officials from Belarus responsible for the fraudulent parliamentary elections and referendum on 17 October 2004")
rel("belarusian-referendum-2004", "held_in", "belarus", "2004-10-17", "officials from Belarus responsible for the fraudulent parliamentary elections and referendum on 17 October 2004")
rel("minsk-demonstrations-2004", "held_in", "minsk", "2004", "responsible for the fraudulent parliamentary elections and referendum on 17 October 2004, and for human rights violations during subsequent peaceful political demonstrations in Minsk",
    "after the 17 October 2004 elections and before the EU position of December 2004")
rel("european-parliament", "criticised", "belarus", "2005-03", "The European Parliament released a statement in March 2005 in which it denounced the Belarusian government as a dictatorship.",
    "denounced the government as a dictatorship; concerned about suppression of independent media")
rel("european-parliament", "criticised", "belarusian-referendum-2004", "2005-03",
    "The European parliamentarians were primarily concerned about the suppression of independent media outlets in the country and the fraudulent referendum.", "statement of March 2005")
rel("european-parliament", "endorsed", "european-parliament-resolution-on-belarusian-officials-bank-accounts", "",
    "A resolution of the European Parliament declared that the personal bank accounts of President Lukashenko and other high-ranking Belarusian officials should be tracked and frozen.", "adopted; undated in source (2005 context)")
rel("european-parliament-resolution-on-belarusian-officials-bank-accounts", "affected", "alexander-lukashenko", "",
    "the personal bank accounts of President Lukashenko and other high-ranking Belarusian officials should be tracked and frozen", "declared his bank accounts should be tracked and frozen")
rel("amnesty-international", "criticised", "belarus", "2005",
    "In 2005, Amnesty International reported a pattern of deliberate obstruction, harassment and intimidation of human rights defenders in Belarus.", "reported obstruction, harassment and intimidation of human rights defenders")
rel("reporters-without-borders", "criticised", "belarus", "",
    "Reporters Without Borders accused the Belarusian authorities of hounding and arresting journalists from the country's Polish minority.", "undated sentence in a 2005 paragraph")
rel("alexander-lukashenko", "criticised", "poland", "",
    "Lukashenko accused Poland of an attempt to overthrow his government by stirring up a peaceful revolution in Belarus comparable to the Orange Revolution in Ukraine in 2004.",
    "accused Poland of attempting to overthrow his government; undated sentence in a 2005 paragraph")
rel("orange-revolution", "held_in", "ukraine", "2004", "the Orange Revolution in Ukraine in 2004")
seize = "Later in 2005 the Belarusian riot police seized the headquarters of the Union of Poles in Belarus"
rel("belarusian-riot-police", "participant_in", "union-of-poles-in-belarus-headquarters-seizure-2005", "2005", seize, "later in 2005; carried out the seizure")
rel("belarusian-riot-police", "part_of", "belarus", "", "the Belarusian riot police")
rel("union-of-poles-in-belarus-headquarters-seizure-2005", "affected", "union-of-poles-in-belarus", "2005", seize,
    "later in 2005; the association represents some 400,000 ethnic Poles in western Belarus")
rel("union-of-poles-in-belarus", "located_in", "belarus", "", "the Union of Poles in Belarus, an association representing the 400,000 ethnic minority Polish living in western areas the country",
    "represents 400,000 ethnic Poles")
esc = "The dispute between Poland and Belarus escalated further as Poland responded by recalling its ambassador from Belarus for indefinite consultations"
rel("poland", "recalled_ambassador_from", "belarus", "2005", esc, "for indefinite consultations; later in 2005 (paragraph context)")
rel("poland", "responded_to", "union-of-poles-in-belarus-headquarters-seizure-2005", "2005", esc, "recalled its ambassador in response; later in 2005 (paragraph context)")
rel("poland", "called_on", "european-union", "2005", "and called on the European Union to impose sanctions on the Belarusian leadership in order to curtail the human rights abuses in Belarus",
    "to impose sanctions on the Belarusian leadership; later in 2005 (paragraph context)")
rot = "Polish Foreign Minister Adam Rotfeld said a clampdown was under way, aimed at destroying \"all elements of political pluralism and independence\" in Belarus."
rel("adam-rotfeld", "holds_office", "minister-of-foreign-affairs-of-poland", "", "Polish Foreign Minister Adam Rotfeld", "in office in 2005 (paragraph context)")
rel("minister-of-foreign-affairs-of-poland", "office_of", "poland", "", "Polish Foreign Minister Adam Rotfeld")
rel("adam-rotfeld", "criticised", "belarus", "2005", rot, "later in 2005 (paragraph context)")
rel("european-commission", "called_on", "belarus", "2005-08", "In August 2005 the EU's executive commission called for human rights to be respected in Belarus.", "to respect human rights")
rel("european-commission", "funds", "eu-support-for-human-rights-activities-in-belarus", "2005-08",
    "had set aside more than eight million euros from its budget to offer support for human rights activities",
    "more than eight million euros set aside; support to independent media under consideration (August 2005)")
rel("france", "supported", "poland", "2005-08", "France expressed her solidarity with Poland on the issue of human rights in Belarus a day after the EU declared it was worried about the situation in that country.",
    "solidarity on human rights in Belarus; August 2005 (paragraph context)")
rel("ukraine", "criticised", "belarus", "2005-08", "Several former Soviet Republics, including neighbouring Ukraine, also expressed their concerns about the development of the situation in Belarus.",
    "expressed concerns; August 2005 (paragraph context)")
rel("belarus", "cooperates_with", "european-union", "2009-05", "In May 2009 Belarus and the EU agree on cooperation in the Eastern Partnership (EaP).", "in the Eastern Partnership")
rel("belarus", "participant_in", "eastern-partnership", "2009-05/2011-09-30", "In May 2009 Belarus and the EU agree on cooperation in the Eastern Partnership (EaP). ... Belarus withdrew from the Partnership on 30 September 2011.")
rel("european-union", "participant_in", "eastern-partnership", "2009-05", "In May 2009 Belarus and the EU agree on cooperation in the Eastern Partnership (EaP).")
rel("belarus", "suspended", "eastern-partnership", "2011-09-30", "This proved to be correct when Belarus withdrew from the Partnership on 30 September 2011.", "withdrew")
sw = "In August 2012, Belarus expelled all Swedish diplomats, including the Swedish Ambassador to Belarus, Stefan Eriksson, and closed its embassy in Stockholm"
rel("belarus", "expelled", "sweden", "2012-08", sw, "all Swedish diplomats")
rel("belarus", "expelled", "stefan-eriksson", "2012-08", sw)
rel("stefan-eriksson", "holds_office", "ambassador-of-sweden-to-belarus", "", "the Swedish Ambassador to Belarus, Stefan Eriksson", "in office in August 2012")
rel("ambassador-of-sweden-to-belarus", "office_of", "sweden", "", "the Swedish Ambassador to Belarus, Stefan Eriksson")
rel("belarus", "has_mission_to", "sweden", "/2012-08", sw, "embassy in Stockholm, closed in August 2012")
tb = "after a Swedish public relations firm released teddy bears carrying pro-democracy flyers in parachutes from an airplane over Minsk on 4 July 2012"
rel("minsk-teddy-bear-airdrop-2012", "held_in", "minsk", "2012-07-04", tb, "by a Swedish public relations firm (not named in source)")
rel("belarus", "responded_to", "minsk-teddy-bear-airdrop-2012", "2012-08", "In August 2012, Belarus expelled all Swedish diplomats ... and closed its embassy in Stockholm, after a Swedish public relations firm released teddy bears", "expelled Swedish diplomats and closed its Stockholm embassy in response; Lukashenko also fired his air defence chief and head of border guards")

# --- 2001 onwards: Russia
rel("belarus", "cooperates_with", "russia", "", "Russia remains the largest and most important partner for Belarus both in the political and economic fields.", "largest and most important political and economic partner")
rel("belarus", "trades_with", "russia", "2001-03", "the two countries' customs duties were unified in March 2001 but the customs controls were soon restored",
    "customs duties unified March 2001; customs controls soon restored")
rel("belarus", "trades_with", "russia", "", "In terms of trade, almost half of Belarusian export goes to Russia.",
    "almost half of Belarusian exports go to Russia; Belarus relies on Russia for export markets and raw materials")
mu = "After initial negotiation with the Russian Central Bank on monetary union, the Russian ruble was set to be introduced in Belarus in 2004"
rel("belarus", "participant_in", "belarus-russia-monetary-union", "", mu, "ruble introduction set for 2004, postponed to 2005, then 2006, then apparently suspended indefinitely")
rel("central-bank-of-russia", "participant_in", "belarus-russia-monetary-union", "", "After initial negotiation with the Russian Central Bank on monetary union", "negotiating party")
rel("central-bank-of-russia", "part_of", "russia", "", "the Russian Central Bank")

# --- 2001 onwards: US
rel("belarus", "participant_in", "imf-staff-monitored-program-belarus-2001", "2001",
    "Belarus has had an ongoing discussion to relaunch IMF-backed reforms, concluding an arrangement for an IMF Staff-monitored program (SMP) in 2001.",
    "authorities did not follow through with reforms")
rel("international-monetary-fund", "leads", "imf-staff-monitored-program-belarus-2001", "", "an IMF Staff-monitored program (SMP)")
rel("belarus", "criticised", "international-monetary-fund", "",
    "Belarus authorities have said on several occasions that they find IMF intervention and recommendations in Belarus counter-productive", "on several occasions")
rel("united-states-congress", "endorsed", "belarus-democracy-act-of-2004", "",
    "The relationships with the United States have been further strained, after Congress of the United States unanimously passed the Belarus Democracy Act of 2004.",
    "passed unanimously; undated: the source gives the year only in the Act's title, not as the date of passage")
rel("united-states-congress", "part_of", "united-states", "", "Congress of the United States")
rel("belarus-democracy-act-of-2004", "affected", "belarus", "", "The relationships with the United States have been further strained, after Congress of the United States unanimously passed the Belarus Democracy Act of 2004.",
    "US–Belarus relations further strained after its passage; undated (the year is only in the Act's title)")
rel("belarus", "expelled", "karen-b-stewart", "2008-03-07", "On 7 March 2008 the government of Belarus ejected US Ambassador Karen B. Stewart from the country, following a row over travel restrictions placed on President Lukashenko",
    "ejected after a row over travel restrictions placed on President Lukashenko and sanctions against the state-owned chemical company Belneftekhim")
rel("karen-b-stewart", "holds_office", "ambassador-of-the-united-states-to-belarus", "", "US Ambassador Karen B. Stewart", "in office in March 2008")
rel("ambassador-of-the-united-states-to-belarus", "office_of", "united-states", "", "US Ambassador Karen B. Stewart")
rel("belarus", "recalled_ambassador_from", "united-states", "2008-03-07", "The Belarusian Foreign Ministry announced at the same time that it was recalling its own ambassador to the US.",
    "announced by the Belarusian Foreign Ministry, at the same time as the ejection of 7 March 2008")
rel("belarus", "expelled", "united-states", "2008-04", "This was followed by the expulsion of ten other U.S. embassy staff from Minsk in late April.",
    "ten U.S. embassy staff; late April 2008")
rel("belarus", "sanctioned", "united-states", "2008-04", "At the same time the government of Belarus ordered the U.S. Embassy in Minsk to cut its staff by half.",
    "restrictive measure: ordered the U.S. Embassy in Minsk to cut its staff by half; late April 2008 (paragraph context)")
rel("united-states", "criticised", "belarus", "2008", "A White House spokesman described the expulsion as \"deeply disappointing\".", "a White House spokesman; about the 2008 expulsion")

# --- other countries
rel("belarus", "supported", "hong-kong-national-security-law", "2020-06",
    "Belarus was one of 53 countries that in June 2020 supported the Hong Kong national security law at the United Nations Human Rights Council.", "one of 53 countries; at the UN Human Rights Council")
rel("united-nations-human-rights-council", "part_of", "united-nations", "", "the United Nations Human Rights Council")
nuc = "In May 2023, the President of Belarus offered nuclear weapons to other countries who join Belarus and Russia."
rel("belarus", "participant_in", "belarus-nuclear-weapons-offer-2023", "2023-05", nuc, "offer made by the President of Belarus")

def write(name, header, rows):
    with open(os.path.join(HERE, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
ids = [e[0] for e in E]
assert len(ids) == len(set(ids)), "dup entity"
write("entities.csv", ["id", "kind", "label", "aliases", "description", "same_as"], [e + ("",) for e in E])
keys = [r[:5] for r in R]
dups = {k for k in keys if keys.count(k) > 1}
assert not dups, dups
write("relations.csv", ["subject", "predicate", "object", "date", "source", "quote", "note"], R)
print(len(E), "entities", len(R), "relations")
