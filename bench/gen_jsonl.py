#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Writes a deterministic, realistic pressroom jsonl archive of a given size.

    bench/gen_jsonl.py --size 1G --out big.jsonl [--seed 1]

One feed line, then press releases (headline, dateline, summary, a body of several paragraphs,
links, categories, references to entities) interleaved with the organizations, commissioners,
legislation and contacts they reference (each entity line comes before the first article that
names it, as an archive appended to over time would). The same arguments always give the same
bytes. Standard library only.
"""
import argparse
import json
import math
import random
import sys

WORDS = (
    "the commission government minister report programme training victims trafficking slavery "
    "migration council agency public national international support services partners policy "
    "communities workers rights protection children families health education data funding "
    "announced today launched new initiative regional office sessions awareness frontline "
    "practitioners authorities police local charities evidence independent review framework "
    "strategy response prevention detection investigation prosecution offences good practice "
    "identification assistance safeguarding vulnerable adults understanding complexity crime "
    "legislation act parliament european union directive transposition member states annual "
    "budget million euros pounds dollars increase decrease percent year quarter results "
    "statement spokesperson said added according published findings conference meeting"
).split()

ORG_WORDS = ("Agency Council Office Foundation Institute Commission Authority Trust Network "
             "Alliance Centre Bureau Ministry Service Board").split()
PLACES = [("United Kingdom", "GB"), ("France", "FR"), ("Germany", "DE"), ("Ireland", "IE"),
          ("Spain", "ES"), ("Italy", "IT"), ("Netherlands", "NL"), ("Belgium", "BE"),
          ("Switzerland", "CH"), ("Kenya", "KE"), ("Canada", "CA"), ("Australia", "AU")]
GIVEN = ("Anna Ben Clara David Elena Farid Grace Hugo Ines Jonas Kofi Lena Marta Noah Olga Pavel "
         "Rosa Sami Tara Umar Vera Will Yara Zoe").split()
FAMILY = ("Morris Hyland Okafor Dubois Schmidt Rossi Garcia Novak Larsen Kowalski Murphy Silva "
          "Tanaka Mensah Berg Costa Fischer Moreau Walsh Young").split()


def parse_size(text):
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    text = text.strip().upper().rstrip("B")
    if text and text[-1] in units:
        return int(float(text[:-1]) * units[text[-1]])
    return int(text)


class Generator:
    def __init__(self, seed, entity_heavy=False):
        self.rng = random.Random(seed)
        self.entity_heavy = entity_heavy
        # A pool of sentences: building each body from it keeps the generator fast.
        self.sentences = [self.sentence() for _ in range(4000)]
        self.orgs = []
        self.people = []
        self.laws = []
        self.contacts = []
        self.count = 0

    def sentence(self):
        n = self.rng.randint(8, 30)
        words = [self.rng.choice(WORDS) for _ in range(n)]
        words[0] = words[0].capitalize()
        return " ".join(words) + "."

    def paragraph(self):
        return " ".join(self.rng.choice(self.sentences) for _ in range(self.rng.randint(2, 6)))

    def place(self):
        name, code = self.rng.choice(PLACES)
        return {"name": name, "country_code": code}

    def new_org(self):
        i = len(self.orgs)
        name = "%s %s %s" % (self.rng.choice(WORDS).capitalize(), self.rng.choice(WORDS).capitalize(),
                             self.rng.choice(ORG_WORDS))
        acronym = "".join(w[0] for w in name.split()).upper() + str(i)
        org = {"type": "organization", "id": "org:%s" % acronym.lower(), "name": name,
               "acronym": acronym, "kind": self.rng.choice(["government_body", "ngo", "company",
                                                              "intergovernmental"]),
               "description": self.paragraph(), "url": "https://org%d.example.org/" % i,
               "identifiers": [{"scheme": "wikidata", "value": "Q%d" % (100000 + i)}],
               "area_served": [self.place()]}
        if self.orgs and self.rng.random() < 0.3:
            org["parent_id"] = self.rng.choice(self.orgs)
        self.orgs.append(org["id"])
        return org

    def new_law(self):
        i = len(self.laws)
        year = 1990 + i % 35
        law = {"type": "legislation", "id": "leg:ukpga-%d-%d" % (year, i), "title":
               "%s %s Act %d" % (self.rng.choice(WORDS).capitalize(),
                                 self.rng.choice(WORDS).capitalize(), year),
               "legislation_type": "act", "jurisdiction": {"name": "United Kingdom",
                                                            "country_code": "GB"},
               "year": year, "number": str(i), "date": "%d-03-26" % year,
               "passed_by": [{"name": "Parliament of the United Kingdom"}],
               "identifiers": [{"scheme": "legislation.gov.uk", "value": "ukpga/%d/%d" % (year, i)}],
               "url": "https://www.legislation.gov.uk/id/ukpga/%d/%d" % (year, i)}
        self.laws.append(law["id"])
        return law

    def person_name(self):
        given, family = self.rng.choice(GIVEN), self.rng.choice(FAMILY)
        return {"full": "%s %s" % (given, family), "given": given, "family": family}

    def new_commissioner(self):
        i = len(self.people)
        name = self.person_name()
        office = {"title": "Independent %s Commissioner" % self.rng.choice(WORDS).capitalize(),
                  "kind": "sole_office", "jurisdiction": self.place(), "holder_ordinal": 1,
                  "reports_to": "Home Secretary",
                  "functions": [self.rng.choice(self.sentences) for _ in range(2)]}
        if self.laws:
            law = self.rng.choice(self.laws)
            office["established_by"] = [{"id": law}]
        rec = {"type": "commissioner", "id": "person:%s-%d" % (name["full"].lower().replace(" ", "-"),
                                                                 i),
               "name": name, "office": office}
        self.people.append(rec["id"])
        return rec

    def new_contact(self):
        i = len(self.contacts)
        name = self.person_name()
        rec = {"type": "contact", "id": "contact:%d" % i, "kind": "individual", "name": name,
               "emails": [{"address": "press%d@example.org" % i}],
               "phones": [{"raw": "+44 20 7946 %04d" % (i % 10000), "kind": "voice",
                           "country_code": "GB"}]}
        if self.orgs:
            rec["organization_id"] = self.rng.choice(self.orgs)
        self.contacts.append(rec["id"])
        return rec

    def entities(self):
        """New entity lines to emit before the next article.

        As in a real archive, new press offices, commissioners, Acts and contacts become rarer
        as it grows (most releases come from publishers seen before): the chance of a new one
        falls with the square root of the articles so far, so a 1 GB archive (about 160,000
        releases) names some 4,000 organizations and 2,000 each of the others.
        """
        out = []
        scale = 1.0 if self.entity_heavy else 1.0 / math.sqrt(self.count + 1)
        if not self.orgs or self.rng.random() < min(0.08, 5.0 * scale):
            out.append(self.new_org())
        if not self.laws or self.rng.random() < min(0.04, 2.5 * scale):
            out.append(self.new_law())
        if not self.people or self.rng.random() < min(0.04, 2.5 * scale):
            out.append(self.new_commissioner())
        if not self.contacts or self.rng.random() < min(0.05, 2.5 * scale):
            out.append(self.new_contact())
        return out

    def article(self):
        i = self.count
        self.count += 1
        day = i % 28 + 1
        month = i // 28 % 12 + 1
        year = 2000 + i // 336 % 26
        headline = " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(6, 12)))
        headline = headline[0].upper() + headline[1:]
        publisher = self.rng.choice(self.orgs)
        body = [self.paragraph() for _ in range(self.rng.randint(4, 12))]
        return {
            "type": "article", "id": "art:%d" % i, "kind": "press_release", "headline": headline,
            "url": "https://news.example.org/releases/%d" % i,
            "date_published": "%04d-%02d-%02dT09:%02d:00Z" % (year, month, day, i % 60),
            "dateline": {"raw": "London -", "location": self.place()}, "language": "en",
            "summary": self.rng.choice(self.sentences), "body": body,
            "categories": [{"term": self.rng.choice(WORDS)} for _ in range(2)],
            "publisher_id": publisher,
            "organization_refs": [{"id": publisher, "roles": ["publisher"]}],
            "commissioner_refs": [{"id": self.rng.choice(self.people), "roles": ["quoted"]}],
            "legislation_refs": [{"id": self.rng.choice(self.laws), "roles": ["cited"]}],
            "contact_ids": [self.rng.choice(self.contacts)],
        }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="1G", help="approximate size: 30M, 1G, 12345")
    parser.add_argument("--out", required=True, help="output file")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--entity-heavy", action="store_true",
                        help="new entities at a constant rate (about 1 per 5 articles)")
    args = parser.parse_args()
    target = parse_size(args.size)
    gen = Generator(args.seed, args.entity_heavy)
    written = 0
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        feed = {"type": "feed", "title": "Generated press releases", "home_page_url":
                "https://news.example.org/", "language": "en",
                "description": "A deterministic archive for benchmarks."}
        buf = [dumps(feed)]
        written += len(buf[0]) + 1
        while written < target:
            for record in gen.entities() + [gen.article()]:
                line = dumps(record)
                buf.append(line)
                written += len(line.encode("utf-8")) + 1
            if len(buf) >= 512:
                out.write("\n".join(buf) + "\n")
                buf = []
        if buf:
            out.write("\n".join(buf) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
