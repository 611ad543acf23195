import csv, re, sys
G="/work/main/graph-data/"
preds={r['id']:r for r in csv.DictReader(open(G+"predicates.csv"))}
ents={r['id']:r['kind'] for r in csv.DictReader(open(G+"entities.csv"))}
mine=list(csv.DictReader(open("entities.csv")))
for r in mine:
    assert re.fullmatch(r"[a-z][a-z0-9_-]*", r['id']), r['id']
    assert r["id"] not in ("belarus","nato")
    ents[r['id']]=r['kind']
pt=r"\d{4}(-\d{2}(-\d{2})?)?[?~%]?"
def dok(d):
    if d=="": return True
    if "/" in d:
        a,b=d.split("/",1)
        return (a=="" or a==".." or re.fullmatch(pt,a)) and (b=="" or b==".." or re.fullmatch(pt,b))
    return re.fullmatch(pt,d)
seen=set(); bad=0; usedids=set()
for i,r in enumerate(csv.DictReader(open("relations.csv")),2):
    p=preds.get(r['predicate'])
    if not p: print(i,"bad predicate",r['predicate']); bad+=1; continue
    for role,col in (('subject','domain'),('object','range')):
        e=r[role]; usedids.add(e)
        if e not in ents: print(i,"unknown",e); bad+=1
        elif ents[e] not in p[col].split("|"): print(i,role,e,ents[e],"not in",p[col],r['predicate']); bad+=1
    if not dok(r['date']): print(i,"bad date",r['date']); bad+=1
    k=(r['subject'],r['predicate'],r['object'],r['date'],r['source'])
    if k in seen: print(i,"duplicate",k); bad+=1
    seen.add(k)
    if p['symmetric']=='true':
        k2=(r['object'],r['predicate'],r['subject'],r['date'],r['source'])
        if k2 in seen: print(i,"both directions",k); bad+=1
        if 'belarus' in (r['subject'],r['object']) and r['subject']!='belarus': print(i,"belarus not subject"); bad+=1
    if r['subject']==r['object']: print(i,"self loop"); bad+=1
    if len(r['quote'].split())>32: print(i,"long quote",len(r['quote'].split()))
for r in mine:
    if r['id'] not in usedids: print("unused entity",r['id'])
print("problems:",bad)
