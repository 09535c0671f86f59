#!/usr/bin/env python3
"""The answer size of `talentdex check --json` for the largest facts the reader allows (every text
fact at MAX_TEXT_CHARS of a 3-byte character, MAX_AWARDS awards, every attested criterion answered),
and for typical full facts. Usage: scripts/eligibility_answer_size.py [TALENTDEX] [CORPUS]"""
import json, subprocess, sys, tempfile, os

FACTS = os.path.join(tempfile.mkdtemp(), 'facts.json')
exe = sys.argv[1] if len(sys.argv) > 1 else "target/debug/talentdex"
corpus = sys.argv[2] if len(sys.argv) > 2 else "corpus"
def check(facts):
    open(FACTS, 'w').write(json.dumps(facts, ensure_ascii=False))
    out = subprocess.run([exe, '--corpus', corpus, 'check', FACTS, '--json'], capture_output=True)
    if out.returncode: print(out.stderr.decode()); sys.exit(1)
    return out.stdout
empty = json.loads(check({"as_of": "2026-11-21"}))
attested = [v['id'] for v in empty['criteria'] if v['kind'] == 'attested']
text = "量" * 400
facts = {"as_of": "2026-11-21", "age": 35, "degree": "doctorate", "major": text, "years_experience": 3,
  "experience_field": text, "professional_qualification": True, "postdoc": True,
  "postdoc_institution": "university_china", "stem": True, "phd_university_rank": 150,
  "phd_graduation_year": 2022, "salary_multiple": 6.2, "points": 86, "awards": [text] * 40,
  "founder": {"investment_usd": 600000, "share_percent": 35, "years_stable": 3, "ip_contribution": True},
  "company": {"role": text, "annual_sales_cny": 12000000, "annual_tax_cny": 0, "consecutive_years": 3, "ip_contribution": True},
  "meets": {i: True for i in attested}}
body = json.dumps(facts, ensure_ascii=False).encode()
size = len(check(facts))
decided = [v for v in json.loads(check(facts))['criteria'] if v['verdict'] != 'unknown']
print(f"attested criteria: {len(attested)}; criteria: {len(empty['criteria'])}")
print(f"largest facts: {len(body)} bytes of JSON -> answer {size} bytes")
typical = {k: v for k, v in facts.items() if k not in ('major','experience_field','awards','company','meets')}
print(f"typical facts answer: {len(check(typical))} bytes")
