// SPDX-License-Identifier: MIT
// The one URL filter of pressroom: every URL that a reader, the HTML sanitiser, the extractor
// or `pressroom::sanitize` keeps, and every id a writer turns into a link, passes it.
#ifndef PRESSROOM_DETAIL_URL_HPP
#define PRESSROOM_DETAIL_URL_HPP

#include <string_view>

namespace pressroom::detail {

// The schemes a kept URL may have, lower case. Anything else (javascript:, vbscript:, data:,
// file:, blob:...) is refused.
inline constexpr std::string_view allowed_url_schemes[] = {"http", "https", "mailto", "ftp",
                                                           "tel",  "news",  "urn",    "tag"};

// True when `url` is a relative reference or its scheme is one of allowed_url_schemes. The
// scheme is read as a browser reads it: case does not matter, ASCII white space and control
// characters anywhere in it are ignored, and HTML character references (`&#58;`, `&#x3A;`,
// `&colon;`, `&Tab;`, `&NewLine;`, with or without the final `;`) count as the characters they
// stand for. A colon before any `/`, `?` or `#` makes what precedes it the scheme.
bool is_safe_url(std::string_view url) noexcept;

}  // namespace pressroom::detail

#endif  // PRESSROOM_DETAIL_URL_HPP
