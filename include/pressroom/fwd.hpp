// SPDX-License-Identifier: MIT
/// @file
/// Forward declarations of pressroom's public types, for headers that only name them.
#ifndef PRESSROOM_FWD_HPP
#define PRESSROOM_FWD_HPP

#include "pressroom/config.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN
struct DateTime;
struct Location;
struct Dateline;
struct Link;
struct Media;
struct Category;
struct Identifier;
struct Quantity;
struct EntityRef;
struct Block;
struct PersonName;
struct PhoneNumber;
struct Email;
struct PostalAddress;
struct Organization;
struct Office;
struct Term;
struct Commissioner;
struct Person;
struct Legislation;
struct Contact;
struct Statement;
struct Article;
struct Feed;
struct Document;
struct Error;
struct ReadOptions;
struct WriteOptions;
struct Format;
class Registry;
class RecordWriter;
template <class T>
class Result;
PRESSROOM_ABI_END
}  // namespace pressroom

#endif  // PRESSROOM_FWD_HPP
