// SPDX-License-Identifier: MIT
// The text pipeline: page lines -> layout (headline, dateline, body, contact block, blurbs)
// -> entities -> ids and references -> Document. See rules.hpp for the rules it chains.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>

#include "detail/text.hpp"
#include "extract/pipeline.hpp"
#include "extract/rules.hpp"
#include "pressroom/extract.hpp"

namespace pressroom::extract_detail {
namespace {

// Splits prose into sentences (". " followed by an upper-case letter or a quote).
std::vector<std::string> sentences(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    if ((text[i] == '.' || text[i] == '!' || text[i] == '?') && text[i + 1] == ' ' &&
        (starts_upper(text.substr(i + 2)) || text[i + 2] == '"' ||
         static_cast<unsigned char>(text[i + 2]) == 0xE2)) {
      // not after an abbreviation of one letter ("B.E. 2551")
      if (i >= 2 && text[i - 2] == '.') continue;
      out.emplace_back(text.substr(start, i + 1 - start));
      start = i + 2;
    }
  }
  if (start < text.size()) out.emplace_back(text.substr(start));
  return out;
}

bool mentions(std::string_view text, std::string_view name) {
  if (name.empty()) return false;
  std::size_t at = 0;
  while ((at = text.find(name, at)) != std::string_view::npos) {
    const std::size_t end = at + name.size();
    const bool left_ok = at == 0 || !std::isalnum(static_cast<unsigned char>(text[at - 1]));
    const bool right_ok =
        end >= text.size() || !std::isalnum(static_cast<unsigned char>(text[end]));
    if (left_ok && right_ok) return true;
    at = end;
  }
  return false;
}

// Assigns unique ids: `prefix` + slug, collisions get -2, -3.
class IdMaker {
 public:
  std::string make(const std::string& prefix, std::string slug) {
    if (slug.empty()) slug = "unnamed";
    if (slug.size() > 80) {
      slug.resize(80);
      const std::size_t dash = slug.rfind('-');
      if (dash != std::string::npos && dash > 20) slug.resize(dash);
    }
    std::string id = prefix + slug;
    for (int n = 2; used_.count(id); ++n) id = prefix + slug + "-" + std::to_string(n);
    used_.insert(id);
    return id;
  }

 private:
  std::set<std::string> used_;
};

void add_role(std::vector<std::string>& roles, const std::string& role) {
  if (std::find(roles.begin(), roles.end(), role) == roles.end()) roles.push_back(role);
}

}  // namespace

namespace {

// Whether a line ends like a sentence (". ! ? : ” » …" or a closing quote or bracket).
bool ends_sentence(std::string_view s) {
  s = detail::trim(s);
  if (s.empty()) return false;
  const char last = s.back();
  if (last == '.' || last == '!' || last == '?' || last == ')' || last == '"' || last == ':')
    return true;
  return s.size() >= 3 && (s.substr(s.size() - 3) == "\xE2\x80\x9D" ||  // ”
                           s.substr(s.size() - 3) == "\xE2\x80\xA6" ||  // …
                           s.substr(s.size() - 2) == "\xC2\xBB");       // »
}

// "By Jane Roe", "Par Claire Dumas", "Von Anna Schmidt", "Por Ana Ruiz".
bool is_byline(std::string_view l) {
  return (istarts_with(l, "by ") || istarts_with(l, "par ") || istarts_with(l, "von ") ||
          istarts_with(l, "por ")) &&
         word_count(l) <= 8;
}

// The first body line of the main content found by structure: a dateline paragraph, else the
// first sentence-like line of four words or more among the first lines, else the first line
// that is not a date, a byline or noise. Returns n when there is none.
std::size_t first_content_line(const std::vector<std::string>& lines, std::size_t begin,
                               Layout& lay) {
  const std::size_t n = lines.size();
  const std::size_t scan = std::min(n, begin + 8);
  for (std::size_t i = begin; i < scan; ++i) {
    if (lines[i].size() < 40) continue;
    if (auto d = parse_dateline(lines[i])) {
      lay.dateline = d->dateline;
      lay.first_paragraph = d->rest;
      return i;
    }
  }
  std::size_t fallback = n;
  for (std::size_t i = begin; i < n; ++i) {
    const std::string& l = lines[i];
    if (parse_date_line(l) || is_byline(l) || is_noise_line(l) || is_contact_intro(l)) continue;
    if (fallback == n) fallback = i;
    if (i >= scan) break;
    if (word_count(l) >= 4 && ends_sentence(l)) {
      lay.first_paragraph = l;
      return i;
    }
  }
  if (fallback != n) lay.first_paragraph = lines[fallback];
  return fallback;
}

}  // namespace

Layout analyse_layout(const std::vector<std::string>& lines, std::size_t content_begin,
                      std::size_t headline_line) {
  Layout lay;
  const std::size_t n = lines.size();
  // 1. The first paragraph: the first line with a dateline, else the first prose line.
  std::size_t first = n;
  if (content_begin < n) first = first_content_line(lines, content_begin, lay);
  for (std::size_t i = 0; i < n && content_begin >= n; ++i) {
    if (lines[i].size() < 40) continue;
    if (auto d = parse_dateline(lines[i])) {
      first = i;
      lay.dateline = d->dateline;
      lay.first_paragraph = d->rest;
      break;
    }
  }
  if (first == n && content_begin >= n) {
    for (std::size_t i = 0; i < n; ++i) {
      if (looks_like_paragraph(lines[i]) && !unglue_label(lines[i]) && !is_noise_line(lines[i]) &&
          !is_contact_intro(lines[i])) {
        first = i;
        lay.first_paragraph = lines[i];
        break;
      }
    }
  }
  if (first == n) return lay;
  lay.found = true;
  // 2. The headline: walking back over date lines, bylines and noise.
  std::size_t head = first;
  if (headline_line < first) {
    lay.headline = lines[headline_line];
    head = headline_line;
  }
  // lines between the headline element and the first paragraph: dates and bylines
  for (std::size_t i = first; i-- > 0 && headline_line < first && i > headline_line;) {
    const std::string& l = lines[i];
    if (auto d = parse_date_line(l)) {
      if (!lay.date_line) lay.date_line = *d;
    } else if (is_byline(l) && lay.byline.empty()) {
      lay.byline = l.substr(l.find(' ') + 1);
    }
  }
  for (std::size_t i = first; i-- > 0 && headline_line >= first;) {
    const std::string& l = lines[i];
    if (auto d = parse_date_line(l)) {
      if (!lay.date_line) lay.date_line = *d;
      continue;
    }
    if (is_noise_line(l)) continue;
    if (istarts_with(l, "by ") && word_count(l) <= 8) {
      lay.byline = l.substr(3);
      continue;
    }
    if (word_count(l) < 3 && lines.size() > 3) continue;
    lay.headline = l;
    head = i;
    break;
  }
  // a date line right after the headline
  (void)head;
  // 3. Navigation and blurbs before the headline.
  for (std::size_t i = 0; i < std::min({head, first, content_begin}); ++i) {
    const std::string& l = lines[i];
    if (auto g = unglue_label(l)) {
      lay.blurbs.push_back(g->second);
    } else if (l.size() >= 80 && looks_like_paragraph(l)) {
      lay.blurbs.push_back(l);
    }
    if (i < 4 && word_count(l) <= 8) lay.header_lines.push_back(l);
  }
  // 4. The body, until an end mark, a contact intro or an "About" heading.
  lay.body.push_back(lay.first_paragraph);
  std::size_t j = first + 1;
  enum class State { body, contact, about, after } state = State::body;
  std::vector<std::string> contact;
  std::vector<std::string> trailing;  // lines after the end of the body, before a known block
  for (; j < n; ++j) {
    const std::string& l = lines[j];
    if (is_end_mark(l)) {
      if (state == State::body)
        state = State::after;
      else if (state == State::contact)
        state = State::after;
      continue;
    }
    if (is_contact_intro(l)) {
      state = State::contact;
      contact.push_back(l);
      continue;
    }
    if (is_about_heading(l)) {
      state = State::about;
      continue;
    }
    if (auto g = unglue_label(l); g && is_about_heading(g->first)) {
      state = State::about;
      lay.blurbs.push_back(g->second);
      continue;
    }
    switch (state) {
      case State::body:
        if (is_noise_line(l)) break;
        lay.body.push_back(l);
        break;
      case State::contact:
        if (is_noise_line(l)) {
          state = State::after;
          break;
        }
        contact.push_back(l);
        break;
      case State::about:
        if (is_noise_line(l)) break;
        if (has_contact_data(l) && !looks_like_paragraph(l)) {
          state = State::contact;
          contact.push_back(l);
          break;
        }
        lay.blurbs.push_back(l);
        break;
      case State::after:
        if (is_noise_line(l)) break;
        if (contact.empty() && has_contact_data(l) && !looks_like_paragraph(l)) {
          state = State::contact;
          contact.push_back(l);
          break;
        }
        trailing.push_back(l);
        break;
    }
  }
  // 5. Without an intro, trailing body lines with an e-mail or a phone are the contact block.
  if (contact.empty()) {
    std::size_t k = lay.body.size();
    while (k > 1 && has_contact_data(lay.body[k - 1]) && !looks_like_paragraph(lay.body[k - 1]))
      --k;
    // name and title lines just before ("Annie Morris", "Press Officer")
    for (int extra = 0; extra < 3 && k < lay.body.size() && k > 1 &&
                        word_count(lay.body[k - 1]) <= 6 && !looks_like_paragraph(lay.body[k - 1]);
         ++extra)
      --k;
    contact.assign(lay.body.begin() + static_cast<std::ptrdiff_t>(k), lay.body.end());
    lay.body.resize(k);
  }
  // 6. Footer lines after the last line with contact data are not part of the block.
  while (contact.size() > 1 && !has_contact_data(contact.back())) contact.pop_back();
  lay.contact_lines = contact;
  // 7. Short lines at the end of the body without a sentence are footer labels.
  while (lay.body.size() > 1 && word_count(lay.body.back()) <= 3 &&
         !looks_like_paragraph(lay.body.back()))
    lay.body.pop_back();
  return lay;
}

Result<Document> build_document(const std::vector<std::string>& lines, const PageMeta& meta,
                                const extract::Options& options, std::vector<Error> warnings) {
  Layout lay = analyse_layout(lines, meta.content_begin, meta.headline_line);
  if (!lay.found && meta.headline.empty())
    return detail::make_error(ErrorCode::missing_field, "text",
                              "no headline or body paragraph found in the page");
  Document doc;
  Article art;
  art.kind = ArticleKind::press_release;
  art.headline = !lay.headline.empty() ? lay.headline : meta.headline;
  if (art.headline.empty() && !lay.body.empty()) {
    const auto ss = sentences(std::string_view(lay.body[0]).substr(0, 2000));
    art.headline = ss.empty() ? lay.body[0].substr(0, 120) : ss[0];
  }
  if (lay.dateline) art.dateline = lay.dateline;
  if (lay.dateline && lay.dateline->date)
    art.date_published = lay.dateline->date;
  else if (lay.date_line)
    art.date_published = lay.date_line;
  else if (meta.date)
    art.date_published = meta.date;
  for (const auto& b : lay.body) {
    Block blk;
    blk.text = b;
    if (!looks_like_paragraph(b) && word_count(b) <= 12 && b.back() != '.' && b.back() != ':' &&
        &b != &lay.body.front())
      blk.type = BlockType::heading;
    art.body.push_back(std::move(blk));
  }
  std::string note;
  for (const auto& c : lay.contact_lines) note += (note.empty() ? "" : "\n") + c;
  art.contact_note = note;
  std::string all_body;
  for (const auto& b : lay.body) all_body += b + "\n";
  art.language = !meta.language.empty() ? meta.language : detect_language(all_body);
  if (!lay.byline.empty()) {
    EntityRef a;
    a.name = lay.byline;
    art.authors.push_back(a);
  } else if (!meta.author.empty()) {
    EntityRef a;
    a.name = meta.author;
    art.authors.push_back(a);
  }
  art.url = meta.url;

  // Entity rules read a bounded amount of text: paragraphs up to 20 KB, 256 KB in all (a
  // release is far smaller; this keeps hostile pages linear and fast). Longer paragraphs stay
  // in the body but are not searched, with one warning.
  Layout mine = lay;
  {
    std::size_t budget = 256u << 10;
    bool capped = false;
    auto cap = [&](std::vector<std::string>& v) {
      for (auto& x : v) {
        if (x.size() > (20u << 10) || x.size() > budget) {
          x.clear();
          capped = true;
        } else {
          budget -= x.size();
        }
      }
    };
    cap(mine.body);
    cap(mine.blurbs);
    cap(mine.contact_lines);
    if (capped) {
      Error w = detail::make_error(ErrorCode::limit_exceeded, "text",
                                   "paragraphs over 20 KB (or past 256 KB of text) were not "
                                   "searched for organizations, people, laws and contacts");
      w.severity = Severity::warning;
      warnings.push_back(std::move(w));
    }
  }
  std::string mined_note;
  for (const auto& c : mine.contact_lines)
    if (!c.empty()) mined_note += (mined_note.empty() ? "" : "\n") + c;

  // Context from the dateline.
  Context ctx;
  ctx.language = art.language;
  if (lay.dateline && lay.dateline->location && !lay.dateline->location->country_code.empty()) {
    ctx.country_code = lay.dateline->location->country_code;
    const std::string& cname = lay.dateline->location->country;
    ctx.country = !cname.empty() ? cname : lay.dateline->location->name;
    if (auto p = find_place(ctx.country)) ctx.country = p->city ? p->country : p->name;
    if (ctx.country == "England" || ctx.country == "Scotland" || ctx.country == "Wales" ||
        ctx.country == "Northern Ireland")
      ctx.country = "United Kingdom";
  }

  // ---- organizations
  std::vector<OrgFacts> orgs;
  for (const auto& b : mine.blurbs) find_organizations(b, true, false, false, orgs);
  for (std::size_t i = 0; i < mine.body.size(); ++i)
    find_organizations(mine.body[i], false, true, i == 0, orgs);
  for (const auto& c : mine.contact_lines) find_organizations(c, false, false, false, orgs);
  // header lines naming an organization ("LAEN", "Mekong Labour Rights Coalition")
  for (const auto& h : lay.header_lines)
    for (auto& f : orgs)
      if (detail::iequals(h, f.org.name) ||
          (!f.org.acronym.empty() && detail::iequals(h, f.org.acronym)))
        f.in_header = true;
  // later mentions by acronym or name ("Since 2011, IOM has ...")
  for (auto& f : orgs) {
    for (std::size_t i = 0; i < mine.body.size(); ++i) {
      if (mentions(mine.body[i], f.org.name) ||
          (!f.org.acronym.empty() && mentions(mine.body[i], f.org.acronym))) {
        f.in_body = true;
        if (i == 0) f.in_lead = true;
      }
    }
  }
  // facts: blurb sentences and body sentences naming the organization
  for (auto& f : orgs) {
    auto named = [&](std::string_view s) {
      return mentions(s, f.org.name) || (!f.org.acronym.empty() && mentions(s, f.org.acronym));
    };
    for (const auto& b : mine.blurbs)
      for (const auto& s : sentences(b))
        if (named(s)) mine_org_facts(s, true, f.org);
    // a blurb that names no organization of its own is about the publisher (checked below)
    for (const auto& b : mine.body)
      for (const auto& s : sentences(b))
        if (named(s)) mine_org_facts(s, false, f.org);
  }
  // the publisher
  int publisher = -1;
  for (std::size_t i = 0; i < orgs.size() && publisher < 0; ++i)
    if (orgs[i].in_header && orgs[i].org.parent_id.empty()) publisher = static_cast<int>(i);
  if (publisher < 0 && !mine.contact_lines.empty()) {
    std::string block;
    for (const auto& c : mine.contact_lines) block += c + "\n";
    for (std::size_t i = 0; i < orgs.size() && publisher < 0; ++i) {
      const auto& o = orgs[i].org;
      if (!o.parent_id.empty()) continue;
      const std::string domain_hint = lower(o.acronym);
      if (mentions(block, o.name) || (!o.acronym.empty() && mentions(block, o.acronym)) ||
          (!domain_hint.empty() && lower(block).find("@" + domain_hint + ".") != std::string::npos))
        publisher = static_cast<int>(i);
    }
  }
  if (publisher < 0)
    for (std::size_t i = 0; i < orgs.size() && publisher < 0; ++i)
      if (orgs[i].in_lead && orgs[i].org.kind != OrganizationKind::government_body &&
          !orgs[i].org.acronym.empty())
        publisher = static_cast<int>(i);

  // ---- legislation
  std::vector<LegislationMention> legs;
  for (const auto& b : mine.body) {
    for (auto& m : find_legislation(b)) {
      const std::string key = lower(m.leg.title);
      auto same = std::find_if(legs.begin(), legs.end(), [&](const LegislationMention& x) {
        const std::string xk = lower(x.leg.title);
        return xk == key || (xk.rfind(key + " ", 0) == 0) || (key.rfind(xk + " ", 0) == 0);
      });
      if (same != legs.end()) {
        if (!same->leg.year && m.leg.year) {
          same->leg = m.leg;
          same->as_written = m.as_written;
        }
        continue;
      }
      if (!m.possessive.empty() && !m.leg.jurisdiction) {
        if (auto p = find_country_word(m.possessive)) {
          Location j;
          j.name = p->name;
          j.country_code = p->country_code;
          m.leg.jurisdiction = j;
        }
      }
      legs.push_back(std::move(m));
    }
  }
  for (auto& m : legs) enrich_legislation(m.leg, ctx);

  // ---- commissioners
  std::vector<OfficeMention> offices;
  for (const auto& b : mine.body) {
    for (auto& m : find_commissioners(b)) {
      auto same = std::find_if(offices.begin(), offices.end(), [&](const OfficeMention& x) {
        const auto& a = x.commissioner;
        const auto& c = m.commissioner;
        if (!a.name.full.empty() && !c.name.full.empty()) return a.name.full == c.name.full;
        return a.office.title == c.office.title;
      });
      if (same != offices.end()) {
        auto& o = same->commissioner;
        if (o.name.empty()) o.name = m.commissioner.name;
        if (o.office.acronym.empty()) o.office.acronym = m.commissioner.office.acronym;
        if (!o.office.holder_ordinal)
          o.office.holder_ordinal = m.commissioner.office.holder_ordinal;
        if (same->possessive.empty()) same->possessive = m.possessive;
        continue;
      }
      offices.push_back(std::move(m));
    }
  }
  for (auto& m : offices) {
    Office& office = m.commissioner.office;
    std::optional<Place> where;
    if (!m.possessive.empty()) where = find_country_word(m.possessive);
    if (!where) {
      std::size_t i = 0;
      const std::string& t = office.title;
      while (i < t.size() && !where) {
        std::size_t e = t.find(' ', i);
        if (e == std::string::npos) e = t.size();
        const std::string w = t.substr(i, e - i);
        if (w == "European" || w == "EU") {
          office.jurisdiction = Location{"European Union", "", "", "", "EU", {}, {}};
          break;
        }
        where = find_country_word(w);
        i = e + 1;
      }
    }
    if (where) {
      Location j;
      j.name = where->name;
      j.country_code = where->country_code;
      office.jurisdiction = j;
    } else if (!office.jurisdiction && !ctx.country_code.empty()) {
      Location j;
      j.name = ctx.country;
      j.country_code = ctx.country_code;
      office.jurisdiction = j;
    }
  }
  // office facts: paragraphs naming the office (title, acronym) or "the Commissioner"
  std::vector<std::string> law_titles(offices.size());
  for (const auto& b : mine.body) {
    int target = -1;
    for (std::size_t k = 0; k < offices.size(); ++k) {
      const auto& o = offices[k].commissioner;
      if (mentions(b, o.office.title) ||
          (!o.office.acronym.empty() && mentions(b, o.office.acronym)) ||
          (!o.name.family.empty() && mentions(b, o.name.family)))
        target = static_cast<int>(k);
    }
    if (target < 0 && offices.size() == 1 &&
        (b.find("Commissioner") != std::string::npos || b.find("the role") != std::string::npos))
      target = 0;
    if (target < 0) continue;
    const auto t = static_cast<std::size_t>(target);
    mine_office_facts(b, offices[t].commissioner.office, law_titles[t]);
  }

  // ---- other people (quoted with a role)
  std::vector<Person> people;
  for (const auto& b : mine.body) {
    for (auto& p : find_people(b)) {
      bool known = false;
      for (const auto& m : offices)
        if (m.commissioner.name.full == p.name.full ||
            (!m.commissioner.name.family.empty() && m.commissioner.name.family == p.name.family))
          known = true;
      for (const auto& q : people)
        if (q.name.full == p.name.full) known = true;
      if (!known) people.push_back(std::move(p));
    }
  }

  // ---- contacts
  std::string region = ctx.country_code;
  if (region.empty()) region = options.default_region;
  if (region.empty()) {
    // the country-code top-level domain of an e-mail in the contact block (".uk", ".ie")
    for (const auto& m : find_emails(mined_note)) {
      const std::string& a = m.email.address;
      const std::string tld = a.substr(a.rfind('.') + 1);
      if (tld.size() == 2) {
        region = tld == "uk" ? "GB"
                             : std::string{static_cast<char>(std::toupper(tld[0])),
                                           static_cast<char>(std::toupper(tld[1]))};
        if (tld == "eu") region.clear();
        break;
      }
    }
  }
  if (region.empty() && publisher >= 0 &&
      !orgs[static_cast<std::size_t>(publisher)].org.area_served.empty())
    region = orgs[static_cast<std::size_t>(publisher)].org.area_served[0].country_code;
  std::vector<Contact> contacts = parse_contacts(mined_note, region);

  // ---- ids
  IdMaker ids;
  art.id = ids.make("art:", detail::slugify(art.headline));
  for (auto& f : orgs)
    f.org.id =
        ids.make("org:", detail::slugify(f.org.acronym.empty() ? f.org.name : f.org.acronym));
  for (auto& f : orgs) {
    if (f.org.parent_id.rfind("acronym:", 0) == 0) {
      const std::string acr = f.org.parent_id.substr(8);
      f.org.parent_id.clear();
      for (const auto& p : orgs)
        if (p.org.acronym == acr) f.org.parent_id = p.org.id;
    }
  }
  for (auto& m : offices) {
    const auto& nm = m.commissioner.name;
    std::string basis =
        nm.given.empty()
            ? m.commissioner.office.title
            : nm.given + " " + (nm.additional.empty() ? "" : nm.additional + " ") + nm.family;
    m.commissioner.id = ids.make("person:", detail::slugify(basis));
  }
  for (auto& p : people) {
    p.id = ids.make("person:",
                    detail::slugify(p.name.given + " " +
                                    (p.name.additional.empty() ? "" : p.name.additional + " ") +
                                    p.name.family));
    for (const auto& f : orgs) {
      if (mentions(p.job_title, f.org.name) ||
          (!f.org.acronym.empty() && mentions(p.job_title, f.org.acronym))) {
        p.organization_id = f.org.id;
        break;
      }
    }
    if (p.organization_id.empty() && publisher >= 0) {
      // "director of the alliance": the publisher's own kind of body
      const std::string& pname = orgs[static_cast<std::size_t>(publisher)].org.name;
      const std::string last = lower(pname.substr(pname.rfind(' ') + 1));
      if (!last.empty() && lower(p.job_title).find("the " + last) != std::string::npos)
        p.organization_id = orgs[static_cast<std::size_t>(publisher)].org.id;
    }
  }
  for (auto& m : legs) {
    std::string slug;
    const std::string cc = m.leg.jurisdiction ? lower(m.leg.jurisdiction->country_code) : "";
    for (const auto& id : m.leg.identifiers) {
      if (id.scheme == "legislation.gov.uk") slug = detail::slugify(id.value);
    }
    if (slug.empty() && m.leg.legislation_type == "directive" && m.leg.year)
      slug = "eu-dir-" + detail::slugify(m.leg.number);
    else if (slug.empty() && m.leg.legislation_type == "regulation" && m.leg.year)
      slug = "eu-reg-" + detail::slugify(m.leg.number);
    else if (slug.empty() && m.leg.legislation_type == "public_law")
      slug = "us-pl-" + m.leg.number;
    else if (slug.empty() && cc == "ie" && !m.leg.number.empty() && m.leg.year)
      slug = "ie-" + std::to_string(*m.leg.year) + "-act-" +
             m.leg.number.substr(0, m.leg.number.find(' '));
    if (slug.empty()) slug = (cc.empty() ? "" : cc + "-") + detail::slugify(m.leg.title);
    m.leg.id = ids.make("leg:", slug);
  }
  auto org_by_label = [&](std::string_view label) -> const Organization* {
    for (const auto& f : orgs)
      if (detail::iequals(f.org.name, label) ||
          (!f.org.acronym.empty() && detail::iequals(f.org.acronym, label)))
        return &f.org;
    return nullptr;
  };
  for (auto& c : contacts) {
    const Organization* o = nullptr;
    if (!c.organization_name.empty()) o = org_by_label(c.organization_name);
    if (!o && !c.unit.empty()) {
      const std::string first = c.unit.substr(0, c.unit.find(' '));
      o = org_by_label(first);
    }
    if (!o && !c.organization_name.empty()) {
      // "IOM UK" style names not found: the first word may be a known acronym
      o = org_by_label(c.organization_name.substr(0, c.organization_name.find(' ')));
    }
    if (!o && publisher >= 0) o = &orgs[static_cast<std::size_t>(publisher)].org;
    if (o) c.organization_id = o->id;
    std::string basis;
    if (!c.name.given.empty())
      basis = c.name.given + " " + (c.name.additional.empty() ? "" : c.name.additional + " ") +
              c.name.family;
    else if (!c.name.full.empty())
      basis = c.name.full;
    else
      basis = (o ? (o->acronym.empty() ? o->name : o->acronym) : std::string()) + " " +
              (!c.unit.empty()   ? c.unit
               : !c.note.empty() ? c.note
                                 : c.organization_name);
    c.id = ids.make("contact:", detail::slugify(basis));
  }
  // established_by: the law whose citation starts the captured phrase
  for (std::size_t k = 0; k < offices.size(); ++k) {
    if (law_titles[k].empty()) continue;
    for (const auto& m : legs) {
      if (law_titles[k].rfind(m.as_written, 0) == 0 || law_titles[k].rfind(m.leg.title, 0) == 0) {
        EntityRef r;
        r.id = m.leg.id;
        r.name = m.leg.title;
        offices[k].commissioner.office.established_by.push_back(r);
        break;
      }
    }
  }
  // organization_id of an office: an organization whose name shares a word with the title
  for (auto& m : offices) {
    Office& office = m.commissioner.office;
    for (const auto& f : orgs) {
      const std::string first = office.title.substr(0, office.title.find(' '));
      if (first.size() > 3 && f.org.name.find(first) != std::string::npos &&
          !detail::iequals(first, "National") && !detail::iequals(first, "Independent") &&
          !detail::iequals(first, "European")) {
        office.organization_id = f.org.id;
        break;
      }
    }
  }

  // ---- references
  if (publisher >= 0) art.publisher_id = orgs[static_cast<std::size_t>(publisher)].org.id;
  for (std::size_t i = 0; i < orgs.size(); ++i) {
    const auto& f = orgs[i];
    EntityRef r;
    r.id = f.org.id;
    if (static_cast<int>(i) == publisher) {
      add_role(r.roles, "publisher");
      if (f.in_body) add_role(r.roles, "subject");
    } else if (f.in_lead || (f.in_body && !f.org.parent_id.empty() && publisher >= 0 &&
                             f.org.parent_id == art.publisher_id)) {
      add_role(r.roles, "subject");
    } else if (f.in_body) {
      add_role(r.roles, "mentioned");
    } else {
      continue;
    }
    art.organization_refs.push_back(std::move(r));
  }
  for (const auto& m : offices) {
    const auto& c = m.commissioner;
    EntityRef r;
    r.id = c.id;
    bool in_lead =
        !mine.body.empty() && (mentions(mine.body[0], c.office.title) ||
                               (!c.name.full.empty() && mentions(mine.body[0], c.name.full)));
    add_role(r.roles, in_lead ? "subject" : "mentioned");
    for (const auto& b : mine.body) {
      const bool about = mentions(b, c.office.title) ||
                         (!c.office.acronym.empty() && mentions(b, c.office.acronym)) ||
                         (!c.name.given.empty() && mentions(b, c.name.given)) ||
                         (offices.size() == 1 && b.find("Commissioner") != std::string::npos);
      if (!about) continue;
      const bool quote =
          b.find("\xE2\x80\x9C") != std::string::npos || b.find('"') != std::string::npos;
      if (quote && (b.find(" said") != std::string::npos || b.find(" says") != std::string::npos))
        add_role(r.roles, "quoted");
      if (b.find("endorse") != std::string::npos) add_role(r.roles, "endorser");
    }
    art.commissioner_refs.push_back(std::move(r));
  }
  for (const auto& p : people) {
    EntityRef r;
    r.id = p.id;
    r.roles = {"quoted"};
    art.person_refs.push_back(std::move(r));
  }
  for (const auto& m : legs) {
    EntityRef r;
    r.id = m.leg.id;
    r.roles = {"cited"};
    r.as_written = m.as_written;
    art.legislation_refs.push_back(std::move(r));
  }
  for (const auto& c : contacts) art.contact_ids.push_back(c.id);

  // ---- statements (derived facts, MODEL.md 5.7): "<holder> has endorsed <object>,",
  // "Since <year>, <organization> has provided training ... to over <n> <unit>"
  for (std::size_t i = 0; i < mine.body.size(); ++i) {
    const std::string& b = mine.body[i];
    const std::size_t at = b.find(" endorsed ");
    if (at != std::string::npos) {
      std::string subject;
      for (const auto& m : offices) {
        const auto& c = m.commissioner;
        if ((!c.name.full.empty() && b.rfind(c.name.full, at) != std::string::npos) ||
            (!c.office.acronym.empty() && b.rfind(c.office.acronym, at) != std::string::npos))
          subject = c.id;
      }
      for (const auto& p : people)
        if (subject.empty() && b.rfind(p.name.full, at) != std::string::npos) subject = p.id;
      if (!subject.empty()) {
        const std::size_t ob = at + 10;
        const std::size_t oe = b.find_first_of(",.;", ob);
        Statement st;
        st.subject_id = subject;
        st.predicate = "endorsed";
        st.object = b.substr(ob, oe == std::string::npos ? std::string::npos : oe - ob);
        st.paragraph_index = static_cast<int>(i);
        art.statements.push_back(std::move(st));
      }
    }
    const std::size_t tr = b.find(" has provided training");
    const std::size_t tr2 = b.find(" has trained ");
    if (istarts_with(b, "Since ") && b.size() > 12 && b[10] == ',' &&
        std::isdigit(static_cast<unsigned char>(b[6])) &&
        (tr != std::string::npos || tr2 != std::string::npos)) {
      const std::size_t verb = tr != std::string::npos ? tr : tr2;
      const std::string who = squeeze(b.substr(11, verb - 11));
      std::string subject;
      for (const auto& f : orgs)
        if (detail::iequals(who, f.org.name) || (!f.org.acronym.empty() && who == f.org.acronym))
          subject = f.org.id;
      if (!subject.empty()) {
        Statement st;
        st.subject_id = subject;
        st.predicate = "trained";
        DateTime since;
        since.year = std::atoi(b.substr(6, 4).c_str());
        st.since = since;
        st.text = b;
        st.paragraph_index = static_cast<int>(i);
        for (const char* cmp : {" over ", " more than "}) {
          const std::size_t q = b.find(cmp, verb);
          if (q == std::string::npos) continue;
          std::size_t d = q + std::strlen(cmp);
          std::size_t e = d;
          double value = 0;
          while (e < b.size() && (std::isdigit(static_cast<unsigned char>(b[e])) || b[e] == ',')) {
            if (b[e] != ',') value = value * 10 + (b[e] - '0');
            ++e;
          }
          if (e == d) continue;
          Quantity qty;
          qty.value = value;
          qty.comparator = Comparator::gt;
          qty.as_written = b.substr(q + 1, e - q - 1);
          const std::size_t ue = b.find_first_of(",.;", e);
          std::string unit =
              squeeze(b.substr(e, ue == std::string::npos ? std::string::npos : ue - e));
          const std::size_t from = unit.find(" from ");
          if (from != std::string::npos) unit.resize(from);
          qty.unit = unit;
          st.object = unit;
          st.quantity = qty;
          break;
        }
        art.statements.push_back(std::move(st));
      }
    }
  }

  doc.articles.push_back(std::move(art));
  for (auto& f : orgs) doc.organizations.push_back(std::move(f.org));
  for (auto& m : offices) doc.commissioners.push_back(std::move(m.commissioner));
  for (auto& p : people) doc.people.push_back(std::move(p));
  for (auto& m : legs) doc.legislation.push_back(std::move(m.leg));
  for (auto& c : contacts) doc.contacts.push_back(std::move(c));
  Result<Document> result(std::move(doc));
  result.warnings() = std::move(warnings);
  return result;
}

}  // namespace pressroom::extract_detail
