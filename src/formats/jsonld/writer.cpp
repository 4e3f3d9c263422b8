// SPDX-License-Identifier: MIT
// schema.org JSON-LD writer: builds one ordered nlohmann value (so keys keep the order written
// here and the output is stable) and dumps it with invalid UTF-8 replaced.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "detail/text.hpp"
#include "pressroom/jsonld.hpp"
#include "pressroom/model/enums.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN
namespace jsonld {

namespace {

using Json = nlohmann::ordered_json;

// Unreserved and sub-delims of RFC 3987 plus ':' '@' '/' '?' '#'; everything else, including
// non-ASCII (kept in IRIs but not in URNs), is percent-encoded.
std::string iri_escape(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      std::string_view("-._~!$&'()*+,;=:@/?").find(ch) != std::string_view::npos;
    if (keep) {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

class Writer {
 public:
  // Indexes the ids once: lookups stay logarithmic on archives with many records.
  Writer(const Document& doc, const WriteOptions& options) : doc_(doc), options_(options) {
    for (const Organization& o : doc.organizations) ids_.insert(o.id);
    for (const Commissioner& c : doc.commissioners) ids_.insert(c.id);
    for (const Person& p : doc.people) ids_.insert(p.id);
    for (const Legislation& l : doc.legislation) ids_.insert(l.id);
    for (const Contact& c : doc.contacts) {
      ids_.insert(c.id);
      contact_ids_.insert(c.id);
      if (!c.organization_id.empty()) org_contacts_[c.organization_id].push_back(c.id);
    }
    for (const Article& a : doc.articles) {
      if (a.publisher_id.empty()) continue;
      auto& list = org_contacts_[a.publisher_id];
      list.insert(list.end(), a.contact_ids.begin(), a.contact_ids.end());
    }
  }

  Json run() {
    Json graph = Json::array();
    if (!doc_.feed.empty()) graph.push_back(feed());
    for (std::size_t i = 0; i < doc_.articles.size(); ++i) graph.push_back(article(i));
    for (std::size_t i = 0; i < doc_.organizations.size(); ++i) graph.push_back(organization(i));
    for (std::size_t i = 0; i < doc_.commissioners.size(); ++i) graph.push_back(commissioner(i));
    for (std::size_t i = 0; i < doc_.people.size(); ++i) graph.push_back(person(i));
    for (std::size_t i = 0; i < doc_.legislation.size(); ++i) graph.push_back(legislation(i));
    for (std::size_t i = 0; i < doc_.contacts.size(); ++i) graph.push_back(contact(i));
    if (!doc_.extensions.empty()) lost("document extensions", "extensions");
    Json root = Json::object();
    root["@context"] = context;
    root["@graph"] = std::move(graph);
    return root;
  }

  std::vector<Error>& warnings() { return warnings_; }

 private:
  // ---- diagnostics ----
  void warn(ErrorCode code, const std::string& message, std::string path) {
    if (!seen_.insert(message).second) return;
    Error e;
    e.code = code;
    e.severity = Severity::warning;
    e.format = "jsonld";
    e.path = std::move(path);
    e.message = message;
    warnings_.push_back(std::move(e));
  }
  void lost(const std::string& what, std::string path) {
    warn(ErrorCode::unsupported, "schema.org has no term for " + what + ": not written",
         std::move(path));
  }

  // ---- ids and references ----
  std::string id_of(const std::string& id) const { return node_id(id, options_); }
  std::string article_id(const Article& a) const {
    if (starts_with(a.id, "http://") || starts_with(a.id, "https://") ||
        starts_with(a.id, "urn:") || starts_with(a.id, "tag:")) {
      return iri_escape(a.id);
    }
    return id_of(a.id);
  }
  bool known(const std::string& id) const { return ids_.count(id) != 0; }
  static Json ref(const std::string& iri) { return Json{{"@id", iri}}; }

  // An EntityRef as a reference node when its id is in the Document, else inline by name
  // (typed `fallback_type` when not empty); null when there is nothing to write.
  Json entity(const EntityRef& r, const char* fallback_type, const std::string& path) {
    if (!r.id.empty() && known(r.id)) return ref(id_of(r.id));
    if (!r.id.empty()) {
      warn(ErrorCode::invalid_value,
           "reference to an id that is not in the document: written by name or dropped", path);
    }
    if (r.name.empty() && r.as_written.empty()) return nullptr;
    Json j = Json::object();
    if (*fallback_type != '\0') j["@type"] = fallback_type;
    j["name"] = r.name.empty() ? r.as_written : r.name;
    return j;
  }
  Json id_ref(const std::string& id, const std::string& path) {
    if (id.empty()) return nullptr;
    if (known(id)) return ref(id_of(id));
    warn(ErrorCode::invalid_value,
         "reference to an id that is not in the document: written by name or dropped", path);
    return nullptr;
  }
  void refs(Json& node, const char* key, const std::vector<EntityRef>& list, const char* type,
            const std::string& path) {
    Json arr = Json::array();
    for (std::size_t i = 0; i < list.size(); ++i) {
      Json j = entity(list[i], type, path + "[" + std::to_string(i) + "]");
      if (!j.is_null()) arr.push_back(std::move(j));
    }
    put_list(node, key, std::move(arr));
  }
  // Writes one value bare and several as an array (schema.org accepts both; single values
  // read more naturally).
  static void put_list(Json& node, const char* key, Json arr) {
    if (arr.empty()) return;
    node[key] = arr.size() == 1 ? std::move(arr[0]) : std::move(arr);
  }
  static void put(Json& node, const char* key, const std::string& value) {
    if (!value.empty()) node[key] = value;
  }
  static void put(Json& node, const char* key, const std::optional<DateTime>& value) {
    if (value) node[key] = to_string(*value);
  }

  // ---- value types ----
  static Json place(const Location& l) {
    Json j = Json::object();
    j["@type"] = "Place";
    put(j, "name", l.name);
    if (!l.locality.empty() || !l.region.empty() || !l.country.empty() || !l.country_code.empty()) {
      Json a = Json::object();
      a["@type"] = "PostalAddress";
      put(a, "addressLocality", l.locality);
      put(a, "addressRegion", l.region);
      put(a, "addressCountry", l.country_code.empty() ? l.country : l.country_code);
      j["address"] = std::move(a);
    }
    if (l.geo) {
      j["geo"] =
          Json{{"@type", "GeoCoordinates"}, {"latitude", l.geo->lat}, {"longitude", l.geo->lon}};
    }
    Json same = Json::array();
    for (const Identifier& i : l.identifiers) {
      if (starts_with(i.value, "http://") || starts_with(i.value, "https://")) {
        same.push_back(i.value);
      }
    }
    put_list(j, "sameAs", std::move(same));
    return j;
  }
  static Json address(const PostalAddress& a) {
    Json j = Json::object();
    j["@type"] = "PostalAddress";
    std::string street;
    for (const std::string& line : a.lines) {
      if (!street.empty()) street += ", ";
      street += line;
    }
    put(j, "streetAddress", street);
    put(j, "addressLocality", a.locality);
    put(j, "addressRegion", a.region);
    put(j, "postalCode", a.postal_code);
    put(j, "addressCountry", a.country_code.empty() ? a.country : a.country_code);
    return j;
  }
  static Json identifiers(const std::vector<Identifier>& ids) {
    Json arr = Json::array();
    for (const Identifier& i : ids) {
      Json p = Json::object();
      p["@type"] = "PropertyValue";
      put(p, "propertyID", i.scheme);
      p["value"] = i.value;
      arr.push_back(std::move(p));
    }
    return arr;
  }
  // Whole numbers as integers ("40", not "40.0").
  static Json number(double v) {
    if (v == static_cast<double>(static_cast<long long>(v)) && v > -1e15 && v < 1e15)
      return static_cast<long long>(v);
    return v;
  }
  static Json quantity(const Quantity& q) {
    Json j = Json::object();
    j["@type"] = "QuantitativeValue";
    switch (q.comparator) {
      case Comparator::gt:
      case Comparator::ge:
        j["minValue"] = number(q.value);
        break;
      case Comparator::lt:
      case Comparator::le:
        j["maxValue"] = number(q.value);
        break;
      default:
        j["value"] = number(q.value);
    }
    put(j, "unitText", q.unit);
    put(j, "description", q.as_written);
    return j;
  }
  static Json media(const Media& m) {
    const bool image = m.role == MediaRole::image || m.role == MediaRole::thumbnail ||
                       m.role == MediaRole::banner || starts_with(m.media_type, "image/");
    Json j = Json::object();
    j["@type"] = image ? "ImageObject" : "MediaObject";
    j["contentUrl"] = m.url;
    put(j, "encodingFormat", m.media_type);
    if (m.length_bytes) j["contentSize"] = std::to_string(*m.length_bytes);
    if (m.width) j["width"] = *m.width;
    if (m.height) j["height"] = *m.height;
    if (m.duration_seconds) j["duration"] = "PT" + detail::format_double(*m.duration_seconds) + "S";
    put(j, "name", m.title);
    put(j, "caption", m.caption);
    put(j, "creditText", m.credit);
    put(j, "description", m.alt_text);
    put(j, "inLanguage", m.language);
    return j;
  }
  static std::string join_body(const std::vector<Block>& body) {
    std::string s;
    for (const Block& b : body) {
      if (!s.empty()) s += "\n\n";
      s += b.text;
    }
    return s;
  }

  // ---- records ----
  Json feed() {
    const Feed& f = doc_.feed;
    Json j = Json::object();
    j["@type"] = "CollectionPage";
    j["@id"] = f.id.empty() ? id_of("feed") : iri_escape(f.id);
    put(j, "name", f.title);
    put(j, "description", f.description);
    put(j, "url", f.home_page_url);
    put(j, "inLanguage", f.language);
    put(j, "dateModified", f.updated);
    if (Json p = id_ref(f.publisher_id, "feed.publisher_id"); !p.is_null()) j["publisher"] = p;
    refs(j, "author", f.authors, "", "feed.authors");
    put(j, "copyrightNotice", f.rights);
    put(j, "logo", f.logo.empty() ? f.icon : f.logo);
    Json keywords = Json::array();
    for (const Category& c : f.categories) keywords.push_back(c.label.empty() ? c.term : c.label);
    put_list(j, "keywords", std::move(keywords));
    Json parts = Json::array();
    for (const Article& a : doc_.articles) parts.push_back(ref(article_id(a)));
    put_list(j, "hasPart", std::move(parts));
    if (!f.feed_url.empty() || !f.next_url.empty() || f.ttl_minutes || !f.generator.name.empty())
      lost("a feed's feed_url, next_url, ttl or generator", "feed");
    if (!f.extensions.empty()) lost("extensions", "feed.extensions");
    return j;
  }

  Json article(std::size_t index) {
    const Article& a = doc_.articles[index];
    const std::string path = "articles[" + std::to_string(index) + "]";
    Json j = Json::object();
    j["@type"] = "NewsArticle";
    j["@id"] = article_id(a);
    if (a.id.empty()) warn(ErrorCode::missing_field, "article without id", path + ".id");
    put(j, "url", a.url);
    put(j, "headline", a.headline);
    put(j, "alternativeHeadline", a.alternative_headline);
    static const char* genres[] = {"press release", "news",   "statement", "briefing note",
                                   "feature",       "speech", "other"};
    if (a.kind != ArticleKind::other && a.kind != ArticleKind::news) {
      j["genre"] = genres[static_cast<int>(a.kind)];
    }
    if (a.dateline) {
      put(j, "dateline", a.dateline->raw);
      if (a.dateline->location) j["contentLocation"] = place(*a.dateline->location);
    }
    put(j, "datePublished", a.date_published);
    put(j, "dateModified", a.date_modified);
    put(j, "inLanguage", a.language);
    put(j, "abstract", a.summary);
    put(j, "articleBody", join_body(a.body));
    refs(j, "author", a.authors, "", path + ".authors");
    if (Json p = id_ref(a.publisher_id, path + ".publisher_id"); !p.is_null()) j["publisher"] = p;

    // about = references with the subject role; mentions = the others; citation = cited acts.
    Json about = Json::array();
    Json mentions = Json::array();
    Json citation = Json::array();
    auto sort = [&](const std::vector<EntityRef>& list, const char* type, const char* field) {
      for (std::size_t i = 0; i < list.size(); ++i) {
        const EntityRef& r = list[i];
        if (r.id == a.publisher_id && !r.id.empty() && r.roles.size() == 1 &&
            r.roles[0] == "publisher")
          continue;  // already the publisher
        Json node = entity(r, type, path + "." + field + "[" + std::to_string(i) + "]");
        if (node.is_null()) continue;
        const auto has = [&r](const char* role) {
          return std::find(r.roles.begin(), r.roles.end(), role) != r.roles.end();
        };
        if (has("cited")) citation.push_back(node);
        if (has("subject")) {
          about.push_back(std::move(node));
        } else {
          mentions.push_back(std::move(node));
        }
      }
    };
    sort(a.organization_refs, "Organization", "organization_refs");
    sort(a.commissioner_refs, "Person", "commissioner_refs");
    sort(a.person_refs, "Person", "person_refs");
    sort(a.legislation_refs, "Legislation", "legislation_refs");
    for (const Link& l : a.links) citation.push_back(l.href);
    put_list(j, "about", std::move(about));
    put_list(j, "mentions", std::move(mentions));
    put_list(j, "citation", std::move(citation));

    Json keywords = Json::array();
    Json sections = Json::array();
    for (const Category& c : a.categories) {
      const std::string& text = c.label.empty() ? c.term : c.label;
      if (c.kind == CategoryKind::section) {
        sections.push_back(text);
      } else if (c.kind == CategoryKind::genre && !j.contains("genre")) {
        j["genre"] = text;
      } else {
        keywords.push_back(text);
      }
    }
    put_list(j, "keywords", std::move(keywords));
    put_list(j, "articleSection", std::move(sections));
    Json images = Json::array();
    Json associated = Json::array();
    for (const Media& m : a.media) {
      Json node = media(m);
      (node["@type"] == "ImageObject" ? images : associated).push_back(std::move(node));
    }
    put_list(j, "image", std::move(images));
    put_list(j, "associatedMedia", std::move(associated));
    put(j, "copyrightNotice", a.rights);
    if (a.source) j["isBasedOn"] = a.source->href;
    if (a.source_feed) lost("the feed an item was copied from", path + ".source_feed");

    if (!a.contact_ids.empty() && a.publisher_id.empty())
      lost("an article's contacts without a publisher (contacts stay in the graph)",
           path + ".contact_ids");
    if (!a.statements.empty()) lost("statements", path + ".statements");
    if (a.embargoed_until) lost("embargoes", path + ".embargoed_until");
    if (!a.body_html.empty()) lost("body_html (articleBody holds the text)", path + ".body_html");
    if (!a.contact_note.empty()) lost("the contact note as printed", path + ".contact_note");
    if (!a.extensions.empty()) lost("extensions", path + ".extensions");
    return j;
  }

  // Contacts of an organization: its own, those whose employer it is, and those of the
  // articles it publishes; in that order, without duplicates.
  Json contact_points(const Organization& o) {
    std::vector<std::string> ids = o.contact_ids;
    const auto more = org_contacts_.find(o.id);
    if (more != org_contacts_.end())
      ids.insert(ids.end(), more->second.begin(), more->second.end());
    std::set<std::string> seen;
    Json arr = Json::array();
    for (const std::string& id : ids) {
      if (contact_ids_.count(id) != 0 && seen.insert(id).second) arr.push_back(ref(id_of(id)));
    }
    return arr;
  }
  Json contact_points(const std::vector<std::string>& ids, const std::string& path) {
    Json arr = Json::array();
    for (std::size_t i = 0; i < ids.size(); ++i) {
      Json r = id_ref(ids[i], path + "[" + std::to_string(i) + "]");
      if (!r.is_null()) arr.push_back(std::move(r));
    }
    return arr;
  }

  static const char* organization_type(OrganizationKind kind) {
    switch (kind) {
      case OrganizationKind::ngo:
        return "NGO";
      case OrganizationKind::government_body:
      case OrganizationKind::legislature:
      case OrganizationKind::national_human_rights_institution:
        return "GovernmentOrganization";
      case OrganizationKind::media:
        return "NewsMediaOrganization";
      case OrganizationKind::academic:
        return "EducationalOrganization";
      case OrganizationKind::company:
        return "Corporation";
      default:
        return "Organization";
    }
  }

  Json organization(std::size_t index) {
    const Organization& o = doc_.organizations[index];
    const std::string path = "organizations[" + std::to_string(index) + "]";
    Json j = Json::object();
    j["@type"] = organization_type(o.kind);
    j["@id"] = id_of(o.id);
    switch (o.kind) {
      case OrganizationKind::unspecified:
      case OrganizationKind::ngo:
      case OrganizationKind::government_body:
      case OrganizationKind::media:
      case OrganizationKind::academic:
      case OrganizationKind::company:
        break;
      default:  // the kind schema.org's types do not say: keep it as text
        j["additionalType"] = std::string(to_string(o.kind));
    }
    put(j, "name", o.name);
    Json alternate = Json::array();
    if (!o.acronym.empty()) alternate.push_back(o.acronym);
    for (const std::string& n : o.alternate_names) alternate.push_back(n);
    put_list(j, "alternateName", std::move(alternate));
    put(j, "description", o.description);
    put(j, "foundingDate", o.founding_date);
    if (o.founding_location) j["foundingLocation"] = place(*o.founding_location);
    if (o.headquarters) j["location"] = place(*o.headquarters);
    if (Json p = id_ref(o.parent_id, path + ".parent_id"); !p.is_null())
      j["parentOrganization"] = p;
    refs(j, "memberOf", o.member_of, "Organization", path + ".member_of");
    if (o.employee_count) j["numberOfEmployees"] = quantity(*o.employee_count);
    Json areas = Json::array();
    for (const Location& l : o.area_served) areas.push_back(place(l));
    put_list(j, "areaServed", std::move(areas));
    put(j, "url", o.url);
    if (o.logo) j["logo"] = o.logo->url;
    put_list(j, "identifier", identifiers(o.identifiers));
    Json same = Json::array();
    for (const std::string& s : o.same_as) same.push_back(s);
    put_list(j, "sameAs", std::move(same));
    put_list(j, "contactPoint", contact_points(o));
    if (!o.mission.empty()) lost("an organization's mission", path + ".mission");
    if (o.member_count || o.presence_country_count)
      lost("member or presence counts", path + ".member_count");
    if (!o.extensions.empty()) lost("extensions", path + ".extensions");
    return j;
  }

  static void name_parts(Json& j, const PersonName& n) {
    put(j, "name", n.full);
    put(j, "honorificPrefix", n.honorific_prefix);
    put(j, "givenName", n.given);
    put(j, "additionalName", n.additional);
    put(j, "familyName", n.family);
    put(j, "honorificSuffix", n.honorific_suffix);
  }

  Json commissioner(std::size_t index) {
    const Commissioner& c = doc_.commissioners[index];
    const std::string path = "commissioners[" + std::to_string(index) + "]";
    const Office& office = c.office;
    Json j = Json::object();
    j["@type"] = "Person";
    j["@id"] = id_of(c.id);
    name_parts(j, c.name);
    put(j, "jobTitle", office.title);
    // hasOccupation: the Occupation, inside a Role when the term has dates (schema.org's Role
    // pattern: the wrapper repeats the property it stands in for).
    Json occupation = Json::object();
    occupation["@type"] = "Occupation";
    put(occupation, "name", office.title);
    if (office.jurisdiction) occupation["occupationLocation"] = place(*office.jurisdiction);
    const bool dated = c.term.start || c.term.end;
    if (dated) {
      Json role = Json::object();
      role["@type"] = "Role";
      put(role, "roleName", office.title);
      put(role, "startDate", c.term.start);
      put(role, "endDate", c.term.end);
      role["hasOccupation"] = std::move(occupation);
      j["hasOccupation"] = std::move(role);
    } else {
      j["hasOccupation"] = std::move(occupation);
    }
    if (Json org = id_ref(office.organization_id, path + ".office.organization_id");
        !org.is_null()) {
      if (options_.office_roles) {
        Json role = Json::object();
        role["@type"] = "OrganizationRole";
        put(role, "roleName", office.title);
        put(role, "startDate", c.term.start);
        put(role, "endDate", c.term.end);
        role["worksFor"] = std::move(org);
        j["worksFor"] = std::move(role);
      } else {
        j["worksFor"] = std::move(org);
      }
    }
    std::string description = c.description;
    if (!office.acronym.empty() && description.empty()) description = office.acronym;
    put(j, "description", description);
    Json same = Json::array();
    for (const std::string& s : c.same_as) same.push_back(s);
    put_list(j, "sameAs", std::move(same));
    put_list(j, "contactPoint", contact_points(c.contact_ids, path + ".contact_ids"));
    if (!office.reports_to.empty() || !office.established_by.empty() || !office.functions.empty())
      lost("an office's reports_to, established_by or functions", path + ".office");
    if (office.holder_ordinal || office.kind != OfficeKind::unspecified)
      lost("an office's kind or holder ordinal", path + ".office");
    if (c.term.status != TermStatus::unspecified) lost("a term's status", path + ".term.status");
    if (!c.extensions.empty()) lost("extensions", path + ".extensions");
    return j;
  }

  Json person(std::size_t index) {
    const Person& p = doc_.people[index];
    const std::string path = "people[" + std::to_string(index) + "]";
    Json j = Json::object();
    j["@type"] = "Person";
    j["@id"] = id_of(p.id);
    name_parts(j, p.name);
    put(j, "jobTitle", p.job_title);
    if (Json org = id_ref(p.organization_id, path + ".organization_id"); !org.is_null())
      j["worksFor"] = org;
    put(j, "description", p.description);
    put(j, "url", p.url);
    Json emails = Json::array();
    for (const Email& e : p.emails) emails.push_back(e.address);
    put_list(j, "email", std::move(emails));
    Json same = Json::array();
    for (const std::string& s : p.same_as) same.push_back(s);
    put_list(j, "sameAs", std::move(same));
    put_list(j, "contactPoint", contact_points(p.contact_ids, path + ".contact_ids"));
    if (!p.extensions.empty()) lost("extensions", path + ".extensions");
    return j;
  }

  Json legislation(std::size_t index) {
    const Legislation& l = doc_.legislation[index];
    const std::string path = "legislation[" + std::to_string(index) + "]";
    Json j = Json::object();
    j["@type"] = "Legislation";
    j["@id"] = id_of(l.id);
    put(j, "name", l.title);
    Json alternate = Json::array();
    for (const std::string& t : l.alternate_titles) alternate.push_back(t);
    if (!l.acronym.empty()) alternate.push_back(l.acronym);
    put_list(j, "alternateName", std::move(alternate));
    // legislationIdentifier: the identifiers' values, the preferred scheme first.
    Json legal_ids = Json::array();
    for (const Identifier& i : l.identifiers) legal_ids.push_back(i.value);
    put_list(j, "legislationIdentifier", std::move(legal_ids));
    put_list(j, "identifier", identifiers(l.identifiers));
    put(j, "legislationDate", l.date);
    put(j, "legislationType", l.legislation_type);
    if (l.jurisdiction) {
      Json area = Json::object();
      area["@type"] = "AdministrativeArea";
      put(area, "name", l.jurisdiction->name);
      if (!l.jurisdiction->country_code.empty()) {
        area["address"] =
            Json{{"@type", "PostalAddress"}, {"addressCountry", l.jurisdiction->country_code}};
      }
      j["legislationJurisdiction"] = std::move(area);
    }
    switch (l.legal_force) {
      case LegalForce::in_force:
        j["legislationLegalForce"] = "https://schema.org/InForce";
        break;
      case LegalForce::partially_in_force:
        j["legislationLegalForce"] = "https://schema.org/PartiallyInForce";
        break;
      case LegalForce::not_in_force:
        j["legislationLegalForce"] = "https://schema.org/NotInForce";
        break;
      default:
        break;
    }
    refs(j, "legislationPassedBy", l.passed_by, "Organization", path + ".passed_by");
    refs(j, "legislationResponsible", l.responsible, "Organization", path + ".responsible");
    refs(j, "legislationTransposes", l.transposes, "Legislation", path + ".transposes");
    refs(j, "legislationChanges", l.changes, "Legislation", path + ".changes");
    refs(j, "isPartOf", l.part_of, "Legislation", path + ".part_of");
    put(j, "url", l.url);
    if (l.date_in_force) lost("a date of entry into force", path + ".date_in_force");
    if ((l.year && !l.date) || !l.number.empty())
      lost("a legislation's year or number apart from its identifiers", path + ".number");
    if (!l.extensions.empty()) lost("extensions", path + ".extensions");
    return j;
  }

  Json contact(std::size_t index) {
    const Contact& c = doc_.contacts[index];
    const std::string path = "contacts[" + std::to_string(index) + "]";
    Json j = Json::object();
    j["@type"] = "ContactPoint";
    j["@id"] = id_of(c.id);
    std::string name = c.name.full;
    if (name.empty()) name = c.unit.empty() ? c.organization_name : c.unit;
    put(j, "name", name);
    j["contactType"] = c.unit.empty() ? std::string("press") : c.unit;
    if (!c.job_title.empty() && !c.name.full.empty()) j["description"] = c.job_title;
    Json emails = Json::array();
    for (const Email& e : c.emails) emails.push_back(e.address);
    put_list(j, "email", std::move(emails));
    Json phones = Json::array();
    Json faxes = Json::array();
    for (const PhoneNumber& p : c.phones) {
      std::string number = p.e164.empty() ? p.raw : p.e164;
      if (!p.extension.empty()) number += " ext. " + p.extension;
      (p.kind == PhoneKind::fax ? faxes : phones).push_back(std::move(number));
    }
    put_list(j, "telephone", std::move(phones));
    put_list(j, "faxNumber", std::move(faxes));
    Json urls = Json::array();
    for (const Link& l : c.urls) urls.push_back(l.href);
    for (const std::string& s : c.social) {
      if (starts_with(s, "http://") || starts_with(s, "https://")) urls.push_back(s);
    }
    put_list(j, "url", std::move(urls));
    Json languages = Json::array();
    for (const std::string& l : c.languages) languages.push_back(l);
    put_list(j, "availableLanguage", std::move(languages));
    put(j, "hoursAvailable", c.hours);
    if (c.location) j["areaServed"] = place(*c.location);
    if (c.address) j["address"] = address(*c.address);
    if (!c.note.empty()) {
      if (j.contains("description")) {
        j["description"] = j["description"].get<std::string>() + "; " + c.note;
      } else {
        j["description"] = c.note;
      }
    }
    if (!c.organization_id.empty() && !known(c.organization_id)) {
      warn(ErrorCode::invalid_value,
           "reference to an id that is not in the document: written by name or dropped",
           path + ".organization_id");
    }
    if (!c.im.empty()) lost("instant-messaging handles", path + ".im");
    if (!c.extensions.empty()) lost("extensions", path + ".extensions");
    return j;
  }

  const Document& doc_;
  const WriteOptions& options_;
  std::set<std::string> ids_;                                     // ids of every entity table
  std::set<std::string> contact_ids_;                             // ids of the contacts table
  std::map<std::string, std::vector<std::string>> org_contacts_;  // employer/publisher -> contacts
  std::set<std::string> seen_;
  std::vector<Error> warnings_;
};

// `json` with < > & written as \u escapes: they occur only inside strings, where the escape is
// the same value, and the text can then sit inside an HTML script element.
std::string html_safe(const std::string& json) {
  std::string out;
  out.reserve(json.size());
  for (const char c : json) {
    if (c == '<')
      out += "\\u003c";
    else if (c == '>')
      out += "\\u003e";
    else if (c == '&')
      out += "\\u0026";
    else
      out += c;
  }
  return out;
}

}  // namespace

std::string node_id(const std::string& id, const WriteOptions& options) {
  if (options.base_iri.empty()) return "urn:pressroom:" + iri_escape(id);
  return options.base_iri + "#" + iri_escape(id);
}

Result<std::string> write(const Document& doc, const WriteOptions& options) {
  return detail::guard_memory("jsonld", "writing", [&]() -> Result<std::string> {
    Writer w(doc, options);
    const Json root = w.run();
    const int indent = options.pretty ? std::max(0, options.indent) : -1;
    std::string out;
    bool repaired = false;
    try {
      out = root.dump(indent);
    } catch (const nlohmann::json::type_error&) {
      // Invalid UTF-8 somewhere (error 316): write it as U+FFFD and say so once.
      out = root.dump(indent, ' ', false, Json::error_handler_t::replace);
      repaired = true;
    }
    out = html_safe(out);
    out += '\n';
    Result<std::string> r(std::move(out));
    r.warnings() = std::move(w.warnings());
    if (repaired) {
      Error e;
      e.code = ErrorCode::invalid_value;
      e.severity = Severity::warning;
      e.format = "jsonld";
      e.message = "invalid UTF-8 written as U+FFFD";
      r.warnings().push_back(std::move(e));
    }
    return r;
  });
}

Format format() {
  Format f;
  f.name = "jsonld";
  f.description = "schema.org JSON-LD: NewsArticle, Organization, Person, Legislation (write only)";
  f.media_types = {"application/ld+json"};
  f.extensions = {"jsonld"};
  f.write = [](const Document& doc, const pressroom::WriteOptions& o) {
    WriteOptions options;
    static_cast<pressroom::WriteOptions&>(options) = o;
    return write(doc, options);
  };
  return f;
}

}  // namespace jsonld
PRESSROOM_ABI_END
}  // namespace pressroom
