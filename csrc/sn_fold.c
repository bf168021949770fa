/*
** sn_fold.c: folding of text for matching and search, and the test of
** which folded characters belong to words.
**
** Folding maps what a reader sees as the same letter to the same bytes:
** ASCII is lowered; Latin letters with diacritics lose them (e -> e,
** ss for sharp s, ae, oe, th, ...); combining marks vanish; Cyrillic
** and Greek letters that look like Latin ones become those letters, in
** both cases (Cyrillic "С" -> "c"), and the other Cyrillic and Greek
** letters are lowered; typographic quotes, dashes, ellipses and spaces
** become their ASCII forms; invisible characters vanish. Folding is
** idempotent: folding folded text changes nothing.
**
** The tables below were generated from Unicode 14 data (Python's
** unicodedata): NFKD without marks for Latin and Greek letters, the
** letter named in "LATIN ... LETTER X WITH ..." where that fails, the
** look-alike maps below applied to lowercase Greek and Cyrillic, and a
** fixpoint so that every entry folds to itself.
*/
#include <stdint.h>
#include <string.h>

#include "sinorus.h"
#include "sn_internal.h"


/* Lowered ASCII. */
static const unsigned char ascii_lower[128] = {
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
  16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
  32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,
  48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63,
  64, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
  112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 91, 92, 93, 94, 95,
  96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
  112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127,
};

/* 1 for the ASCII bytes that are part of words: letters and digits. */
static const unsigned char ascii_word[128] = {
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
};

/* Folds of U+00C0..U+024F, U+1E00..U+1EFF and U+0370..U+052F (UTF-8). */
static const char fold_latin[0x250 - 0xC0][4] = {
  "a", "a", "a", "a", "a", "a", "ae", "c",  /* 00C0 */
  "e", "e", "e", "e", "i", "i", "i", "i",  /* 00C8 */
  "d", "n", "o", "o", "o", "o", "o", "\303\227",  /* 00D0 */
  "o", "u", "u", "u", "u", "y", "th", "ss",  /* 00D8 */
  "a", "a", "a", "a", "a", "a", "ae", "c",  /* 00E0 */
  "e", "e", "e", "e", "i", "i", "i", "i",  /* 00E8 */
  "d", "n", "o", "o", "o", "o", "o", "\303\267",  /* 00F0 */
  "o", "u", "u", "u", "u", "y", "th", "y",  /* 00F8 */
  "a", "a", "a", "a", "a", "a", "c", "c",  /* 0100 */
  "c", "c", "c", "c", "c", "c", "d", "d",  /* 0108 */
  "d", "d", "e", "e", "e", "e", "e", "e",  /* 0110 */
  "e", "e", "e", "e", "g", "g", "g", "g",  /* 0118 */
  "g", "g", "g", "g", "h", "h", "h", "h",  /* 0120 */
  "i", "i", "i", "i", "i", "i", "i", "i",  /* 0128 */
  "i", "i", "ij", "ij", "j", "j", "k", "k",  /* 0130 */
  "k", "l", "l", "l", "l", "l", "l", "l",  /* 0138 */
  "l", "l", "l", "n", "n", "n", "n", "n",  /* 0140 */
  "n", "n", "n", "n", "o", "o", "o", "o",  /* 0148 */
  "o", "o", "oe", "oe", "r", "r", "r", "r",  /* 0150 */
  "r", "r", "s", "s", "s", "s", "s", "s",  /* 0158 */
  "s", "s", "t", "t", "t", "t", "t", "t",  /* 0160 */
  "u", "u", "u", "u", "u", "u", "u", "u",  /* 0168 */
  "u", "u", "u", "u", "w", "w", "y", "y",  /* 0170 */
  "y", "z", "z", "z", "z", "z", "z", "s",  /* 0178 */
  "b", "b", "b", "b", "\306\205", "\306\205", "\311\224", "c",  /* 0180 */
  "c", "d", "d", "d", "d", "\306\215", "\307\235", "\311\231",  /* 0188 */
  "\311\233", "f", "f", "g", "\311\243", "hv", "\311\251", "i",  /* 0190 */
  "k", "k", "l", "\306\233", "\311\257", "n", "n", "o",  /* 0198 */
  "o", "o", "oi", "oi", "p", "p", "\312\200", "\306\250",  /* 01A0 */
  "\306\250", "\312\203", "\306\252", "t", "t", "t", "t", "u",  /* 01A8 */
  "u", "\312\212", "v", "y", "y", "z", "z", "\312\222",  /* 01B0 */
  "\306\271", "\306\271", "\306\272", "\306\273", "\306\275", "\306\275", "\306\276", "\306\277",  /* 01B8 */
  "\307\200", "\307\201", "\307\202", "\307\203", "dz", "dz", "dz", "lj",  /* 01C0 */
  "lj", "lj", "nj", "nj", "nj", "a", "a", "i",  /* 01C8 */
  "i", "o", "o", "u", "u", "u", "u", "u",  /* 01D0 */
  "u", "u", "u", "u", "u", "\307\235", "a", "a",  /* 01D8 */
  "a", "a", "ae", "ae", "g", "g", "g", "g",  /* 01E0 */
  "k", "k", "o", "o", "o", "o", "\307\257", "\307\257",  /* 01E8 */
  "j", "dz", "dz", "dz", "g", "g", "hv", "\306\277",  /* 01F0 */
  "n", "n", "a", "a", "ae", "ae", "o", "o",  /* 01F8 */
  "a", "a", "a", "a", "e", "e", "e", "e",  /* 0200 */
  "i", "i", "i", "i", "o", "o", "o", "o",  /* 0208 */
  "r", "r", "r", "r", "u", "u", "u", "u",  /* 0210 */
  "s", "s", "t", "t", "\310\235", "\310\235", "h", "h",  /* 0218 */
  "n", "d", "ou", "ou", "z", "z", "a", "a",  /* 0220 */
  "e", "e", "o", "o", "o", "o", "o", "o",  /* 0228 */
  "o", "o", "y", "y", "l", "n", "t", "j",  /* 0230 */
  "\310\270", "\310\271", "a", "c", "c", "l", "t", "s",  /* 0238 */
  "z", "\311\202", "\311\202", "b", "u", "\312\214", "e", "e",  /* 0240 */
  "j", "j", "q", "q", "r", "r", "y", "y",  /* 0248 */
};
static const char fold_latinx[0x1F00 - 0x1E00][4] = {
  "a", "a", "b", "b", "b", "b", "b", "b",  /* 1E00 */
  "c", "c", "d", "d", "d", "d", "d", "d",  /* 1E08 */
  "d", "d", "d", "d", "e", "e", "e", "e",  /* 1E10 */
  "e", "e", "e", "e", "e", "e", "f", "f",  /* 1E18 */
  "g", "g", "h", "h", "h", "h", "h", "h",  /* 1E20 */
  "h", "h", "h", "h", "i", "i", "i", "i",  /* 1E28 */
  "k", "k", "k", "k", "k", "k", "l", "l",  /* 1E30 */
  "l", "l", "l", "l", "l", "l", "m", "m",  /* 1E38 */
  "m", "m", "m", "m", "n", "n", "n", "n",  /* 1E40 */
  "n", "n", "n", "n", "o", "o", "o", "o",  /* 1E48 */
  "o", "o", "o", "o", "p", "p", "p", "p",  /* 1E50 */
  "r", "r", "r", "r", "r", "r", "r", "r",  /* 1E58 */
  "s", "s", "s", "s", "s", "s", "s", "s",  /* 1E60 */
  "s", "s", "t", "t", "t", "t", "t", "t",  /* 1E68 */
  "t", "t", "u", "u", "u", "u", "u", "u",  /* 1E70 */
  "u", "u", "u", "u", "v", "v", "v", "v",  /* 1E78 */
  "w", "w", "w", "w", "w", "w", "w", "w",  /* 1E80 */
  "w", "w", "x", "x", "x", "x", "y", "y",  /* 1E88 */
  "z", "z", "z", "z", "z", "z", "h", "t",  /* 1E90 */
  "w", "y", "a", "s", "s", "s", "ss", "d",  /* 1E98 */
  "a", "a", "a", "a", "a", "a", "a", "a",  /* 1EA0 */
  "a", "a", "a", "a", "a", "a", "a", "a",  /* 1EA8 */
  "a", "a", "a", "a", "a", "a", "a", "a",  /* 1EB0 */
  "e", "e", "e", "e", "e", "e", "e", "e",  /* 1EB8 */
  "e", "e", "e", "e", "e", "e", "e", "e",  /* 1EC0 */
  "i", "i", "i", "i", "o", "o", "o", "o",  /* 1EC8 */
  "o", "o", "o", "o", "o", "o", "o", "o",  /* 1ED0 */
  "o", "o", "o", "o", "o", "o", "o", "o",  /* 1ED8 */
  "o", "o", "o", "o", "u", "u", "u", "u",  /* 1EE0 */
  "u", "u", "u", "u", "u", "u", "u", "u",  /* 1EE8 */
  "u", "u", "y", "y", "y", "y", "y", "y",  /* 1EF0 */
  "y", "y", "\341\273\273", "\341\273\273", "\341\273\275", "\341\273\275", "y", "y",  /* 1EF8 */
};
static const char fold_grkcyr[0x530 - 0x370][4] = {
  "\315\261", "\315\261", "\315\263", "\315\263", "\312\271", "\315\265", "\315\267", "\315\267",  /* 0370 */
  "\315\270", "\315\271", "\315\272", "\315\273", "\315\274", "\315\275", "\315\276", "j",  /* 0378 */
  "\316\200", "\316\201", "\316\202", "\316\203", "\316\204", "\316\205", "a", "\316\207",  /* 0380 */
  "e", "h", "i", "\316\213", "o", "\316\215", "y", "\317\211",  /* 0388 */
  "i", "a", "b", "\316\263", "\316\264", "e", "z", "h",  /* 0390 */
  "\316\270", "i", "k", "\316\273", "m", "n", "\316\276", "o",  /* 0398 */
  "\317\200", "p", "\316\242", "\317\203", "t", "y", "\317\206", "x",  /* 03A0 */
  "\317\210", "\317\211", "i", "y", "a", "e", "h", "i",  /* 03A8 */
  "y", "a", "b", "\316\263", "\316\264", "e", "z", "h",  /* 03B0 */
  "\316\270", "i", "k", "\316\273", "m", "n", "\316\276", "o",  /* 03B8 */
  "\317\200", "p", "\317\203", "\317\203", "t", "y", "\317\206", "x",  /* 03C0 */
  "\317\210", "\317\211", "i", "y", "o", "y", "\317\211", "\317\227",  /* 03C8 */
  "b", "\316\270", "y", "y", "y", "\317\206", "\317\200", "\317\227",  /* 03D0 */
  "\317\231", "\317\231", "\317\233", "\317\233", "\317\235", "\317\235", "\317\237", "\317\237",  /* 03D8 */
  "\317\241", "\317\241", "\317\243", "\317\243", "\317\245", "\317\245", "\317\247", "\317\247",  /* 03E0 */
  "\317\251", "\317\251", "\317\253", "\317\253", "\317\255", "\317\255", "\317\257", "\317\257",  /* 03E8 */
  "k", "p", "\317\203", "j", "\316\270", "e", "\317\266", "\317\270",  /* 03F0 */
  "\317\270", "\317\203", "\317\273", "\317\273", "\317\274", "\315\273", "\315\274", "\315\275",  /* 03F8 */
  "e", "e", "\321\222", "\320\263", "\321\224", "s", "i", "i",  /* 0400 */
  "j", "\321\231", "\321\232", "\321\233", "k", "\320\270", "\321\236", "\321\237",  /* 0408 */
  "a", "\320\261", "b", "\320\263", "\320\264", "e", "\320\266", "\320\267",  /* 0410 */
  "\320\270", "\320\271", "k", "\320\273", "m", "h", "o", "\320\277",  /* 0418 */
  "p", "c", "t", "y", "\321\204", "x", "\321\206", "\321\207",  /* 0420 */
  "\321\210", "\321\211", "\321\212", "\321\213", "\321\214", "\321\215", "\321\216", "\321\217",  /* 0428 */
  "a", "\320\261", "b", "\320\263", "\320\264", "e", "\320\266", "\320\267",  /* 0430 */
  "\320\270", "\320\271", "k", "\320\273", "m", "h", "o", "\320\277",  /* 0438 */
  "p", "c", "t", "y", "\321\204", "x", "\321\206", "\321\207",  /* 0440 */
  "\321\210", "\321\211", "\321\212", "\321\213", "\321\214", "\321\215", "\321\216", "\321\217",  /* 0448 */
  "e", "e", "\321\222", "\320\263", "\321\224", "s", "i", "i",  /* 0450 */
  "j", "\321\231", "\321\232", "\321\233", "k", "\320\270", "\321\236", "\321\237",  /* 0458 */
  "\321\241", "\321\241", "\321\243", "\321\243", "\321\245", "\321\245", "\321\247", "\321\247",  /* 0460 */
  "\321\251", "\321\251", "\321\253", "\321\253", "\321\255", "\321\255", "\321\257", "\321\257",  /* 0468 */
  "\321\261", "\321\261", "\321\263", "\321\263", "\321\265", "\321\265", "\321\265", "\321\265",  /* 0470 */
  "\321\271", "\321\271", "\321\273", "\321\273", "\321\275", "\321\275", "\321\277", "\321\277",  /* 0478 */
  "\322\201", "\322\201", "\322\202", "\322\203", "\322\204", "\322\205", "\322\206", "\322\207",  /* 0480 */
  "\322\210", "\322\211", "\322\213", "\322\213", "\322\215", "\322\215", "\322\217", "\322\217",  /* 0488 */
  "\322\221", "\322\221", "\322\223", "\322\223", "\322\225", "\322\225", "\322\227", "\322\227",  /* 0490 */
  "\322\231", "\322\231", "\322\233", "\322\233", "\322\235", "\322\235", "\322\237", "\322\237",  /* 0498 */
  "\322\241", "\322\241", "\322\243", "\322\243", "\322\245", "\322\245", "\322\247", "\322\247",  /* 04A0 */
  "\322\251", "\322\251", "\322\253", "\322\253", "\322\255", "\322\255", "y", "y",  /* 04A8 */
  "\322\261", "\322\261", "\322\263", "\322\263", "\322\265", "\322\265", "\322\267", "\322\267",  /* 04B0 */
  "\322\271", "\322\271", "h", "h", "\322\275", "\322\275", "\322\277", "\322\277",  /* 04B8 */
  "l", "\320\266", "\320\266", "\323\204", "\323\204", "\323\206", "\323\206", "\323\210",  /* 04C0 */
  "\323\210", "\323\212", "\323\212", "\323\214", "\323\214", "\323\216", "\323\216", "l",  /* 04C8 */
  "a", "a", "a", "a", "\323\225", "\323\225", "e", "e",  /* 04D0 */
  "\323\231", "\323\231", "\323\231", "\323\231", "\320\266", "\320\266", "\320\267", "\320\267",  /* 04D8 */
  "\323\241", "\323\241", "\320\270", "\320\270", "\320\270", "\320\270", "o", "o",  /* 04E0 */
  "\323\251", "\323\251", "\323\251", "\323\251", "\321\215", "\321\215", "y", "y",  /* 04E8 */
  "y", "y", "y", "y", "\321\207", "\321\207", "\323\267", "\323\267",  /* 04F0 */
  "\321\213", "\321\213", "\323\273", "\323\273", "\323\275", "\323\275", "\323\277", "\323\277",  /* 04F8 */
  "d", "d", "\324\203", "\324\203", "\324\205", "\324\205", "\324\207", "\324\207",  /* 0500 */
  "\324\211", "\324\211", "\324\213", "\324\213", "\324\215", "\324\215", "\324\217", "\324\217",  /* 0508 */
  "\324\221", "\324\221", "\324\223", "\324\223", "\324\225", "\324\225", "\324\227", "\324\227",  /* 0510 */
  "\324\231", "\324\231", "q", "q", "w", "w", "\324\237", "\324\237",  /* 0518 */
  "\324\241", "\324\241", "\324\243", "\324\243", "\324\245", "\324\245", "\324\247", "\324\247",  /* 0520 */
  "\324\251", "\324\251", "\324\253", "\324\253", "\324\255", "\324\255", "\324\257", "\324\257",  /* 0528 */
};

/* Code points >= U+0080 that are not part of words: punctuation,
** symbols, separators, controls, format and private-use characters,
** and all of U+0080..U+00BF, U+2000..U+206F and U+3000..U+303F. */
static const uint32_t nonword_ranges[][2] = {
  {0x80, 0xBF}, {0xD7, 0xD7}, {0xF7, 0xF7}, {0x2C2, 0x2C5},
  {0x2D2, 0x2DF}, {0x2E5, 0x2EB}, {0x2ED, 0x2ED}, {0x2EF, 0x2FF},
  {0x375, 0x375}, {0x37E, 0x37E}, {0x384, 0x385}, {0x387, 0x387},
  {0x3F6, 0x3F6}, {0x482, 0x482}, {0x55A, 0x55F}, {0x589, 0x58A},
  {0x58D, 0x58F}, {0x5BE, 0x5BE}, {0x5C0, 0x5C0}, {0x5C3, 0x5C3},
  {0x5C6, 0x5C6}, {0x5F3, 0x5F4}, {0x600, 0x60F}, {0x61B, 0x61F},
  {0x66A, 0x66D}, {0x6D4, 0x6D4}, {0x6DD, 0x6DE}, {0x6E9, 0x6E9},
  {0x6FD, 0x6FE}, {0x700, 0x70D}, {0x70F, 0x70F}, {0x7F6, 0x7F9},
  {0x7FE, 0x7FF}, {0x830, 0x83E}, {0x85E, 0x85E}, {0x888, 0x888},
  {0x890, 0x891}, {0x8E2, 0x8E2}, {0x964, 0x965}, {0x970, 0x970},
  {0x9F2, 0x9F3}, {0x9FA, 0x9FB}, {0x9FD, 0x9FD}, {0xA76, 0xA76},
  {0xAF0, 0xAF1}, {0xB70, 0xB70}, {0xBF3, 0xBFA}, {0xC77, 0xC77},
  {0xC7F, 0xC7F}, {0xC84, 0xC84}, {0xD4F, 0xD4F}, {0xD79, 0xD79},
  {0xDF4, 0xDF4}, {0xE3F, 0xE3F}, {0xE4F, 0xE4F}, {0xE5A, 0xE5B},
  {0xF01, 0xF17}, {0xF1A, 0xF1F}, {0xF34, 0xF34}, {0xF36, 0xF36},
  {0xF38, 0xF38}, {0xF3A, 0xF3D}, {0xF85, 0xF85}, {0xFBE, 0xFC5},
  {0xFC7, 0xFCC}, {0xFCE, 0xFDA}, {0x104A, 0x104F}, {0x109E, 0x109F},
  {0x10FB, 0x10FB}, {0x1360, 0x1368}, {0x1390, 0x1399}, {0x1400, 0x1400},
  {0x166D, 0x166E}, {0x1680, 0x1680}, {0x169B, 0x169C}, {0x16EB, 0x16ED},
  {0x1735, 0x1736}, {0x17D4, 0x17D6}, {0x17D8, 0x17DB}, {0x1800, 0x180A},
  {0x180E, 0x180E}, {0x1940, 0x1940}, {0x1944, 0x1945}, {0x19DE, 0x19FF},
  {0x1A1E, 0x1A1F}, {0x1AA0, 0x1AA6}, {0x1AA8, 0x1AAD}, {0x1B5A, 0x1B6A},
  {0x1B74, 0x1B7E}, {0x1BFC, 0x1BFF}, {0x1C3B, 0x1C3F}, {0x1C7E, 0x1C7F},
  {0x1CC0, 0x1CC7}, {0x1CD3, 0x1CD3}, {0x1FBD, 0x1FBD}, {0x1FBF, 0x1FC1},
  {0x1FCD, 0x1FCF}, {0x1FDD, 0x1FDF}, {0x1FED, 0x1FEF}, {0x1FFD, 0x1FFE},
  {0x2000, 0x206F}, {0x207A, 0x207E}, {0x208A, 0x208E}, {0x20A0, 0x20C0},
  {0x2100, 0x2101}, {0x2103, 0x2106}, {0x2108, 0x2109}, {0x2114, 0x2114},
  {0x2116, 0x2118}, {0x211E, 0x2123}, {0x2125, 0x2125}, {0x2127, 0x2127},
  {0x2129, 0x2129}, {0x212E, 0x212E}, {0x213A, 0x213B}, {0x2140, 0x2144},
  {0x214A, 0x214D}, {0x214F, 0x214F}, {0x218A, 0x218B}, {0x2190, 0x2426},
  {0x2440, 0x244A}, {0x249C, 0x24E9}, {0x2500, 0x2775}, {0x2794, 0x2B73},
  {0x2B76, 0x2B95}, {0x2B97, 0x2BFF}, {0x2CE5, 0x2CEA}, {0x2CF9, 0x2CFC},
  {0x2CFE, 0x2CFF}, {0x2D70, 0x2D70}, {0x2E00, 0x2E2E}, {0x2E30, 0x2E5D},
  {0x2E80, 0x2E99}, {0x2E9B, 0x2EF3}, {0x2F00, 0x2FD5}, {0x2FF0, 0x2FFB},
  {0x3000, 0x303F}, {0x309B, 0x309C}, {0x30A0, 0x30A0}, {0x30FB, 0x30FB},
  {0x3190, 0x3191}, {0x3196, 0x319F}, {0x31C0, 0x31E3}, {0x3200, 0x321E},
  {0x322A, 0x3247}, {0x3250, 0x3250}, {0x3260, 0x327F}, {0x328A, 0x32B0},
  {0x32C0, 0x33FF}, {0x4DC0, 0x4DFF}, {0xA490, 0xA4C6}, {0xA4FE, 0xA4FF},
  {0xA60D, 0xA60F}, {0xA673, 0xA673}, {0xA67E, 0xA67E}, {0xA6F2, 0xA6F7},
  {0xA700, 0xA716}, {0xA720, 0xA721}, {0xA789, 0xA78A}, {0xA828, 0xA82B},
  {0xA836, 0xA839}, {0xA874, 0xA877}, {0xA8CE, 0xA8CF}, {0xA8F8, 0xA8FA},
  {0xA8FC, 0xA8FC}, {0xA92E, 0xA92F}, {0xA95F, 0xA95F}, {0xA9C1, 0xA9CD},
  {0xA9DE, 0xA9DF}, {0xAA5C, 0xAA5F}, {0xAA77, 0xAA79}, {0xAADE, 0xAADF},
  {0xAAF0, 0xAAF1}, {0xAB5B, 0xAB5B}, {0xAB6A, 0xAB6B}, {0xABEB, 0xABEB},
  {0xD800, 0xF8FF}, {0xFB29, 0xFB29}, {0xFBB2, 0xFBC2}, {0xFD3E, 0xFD4F},
  {0xFDCF, 0xFDCF}, {0xFDFC, 0xFDFF}, {0xFE10, 0xFE19}, {0xFE30, 0xFE52},
  {0xFE54, 0xFE66}, {0xFE68, 0xFE6B}, {0xFEFF, 0xFEFF}, {0xFF01, 0xFF0F},
  {0xFF1A, 0xFF20}, {0xFF3B, 0xFF40}, {0xFF5B, 0xFF65}, {0xFFE0, 0xFFE6},
  {0xFFE8, 0xFFEE}, {0xFFF9, 0xFFFD}, {0x10100, 0x10102}, {0x10137, 0x1013F},
  {0x10179, 0x10189}, {0x1018C, 0x1018E}, {0x10190, 0x1019C}, {0x101A0, 0x101A0},
  {0x101D0, 0x101FC}, {0x1039F, 0x1039F}, {0x103D0, 0x103D0}, {0x1056F, 0x1056F},
  {0x10857, 0x10857}, {0x10877, 0x10878}, {0x1091F, 0x1091F}, {0x1093F, 0x1093F},
  {0x10A50, 0x10A58}, {0x10A7F, 0x10A7F}, {0x10AC8, 0x10AC8}, {0x10AF0, 0x10AF6},
  {0x10B39, 0x10B3F}, {0x10B99, 0x10B9C}, {0x10EAD, 0x10EAD}, {0x10F55, 0x10F59},
  {0x10F86, 0x10F89}, {0x11047, 0x1104D}, {0x110BB, 0x110C1}, {0x110CD, 0x110CD},
  {0x11140, 0x11143}, {0x11174, 0x11175}, {0x111C5, 0x111C8}, {0x111CD, 0x111CD},
  {0x111DB, 0x111DB}, {0x111DD, 0x111DF}, {0x11238, 0x1123D}, {0x112A9, 0x112A9},
  {0x1144B, 0x1144F}, {0x1145A, 0x1145B}, {0x1145D, 0x1145D}, {0x114C6, 0x114C6},
  {0x115C1, 0x115D7}, {0x11641, 0x11643}, {0x11660, 0x1166C}, {0x116B9, 0x116B9},
  {0x1173C, 0x1173F}, {0x1183B, 0x1183B}, {0x11944, 0x11946}, {0x119E2, 0x119E2},
  {0x11A3F, 0x11A46}, {0x11A9A, 0x11A9C}, {0x11A9E, 0x11AA2}, {0x11C41, 0x11C45},
  {0x11C70, 0x11C71}, {0x11EF7, 0x11EF8}, {0x11FD5, 0x11FF1}, {0x11FFF, 0x11FFF},
  {0x12470, 0x12474}, {0x12FF1, 0x12FF2}, {0x13430, 0x13438}, {0x16A6E, 0x16A6F},
  {0x16AF5, 0x16AF5}, {0x16B37, 0x16B3F}, {0x16B44, 0x16B45}, {0x16E97, 0x16E9A},
  {0x16FE2, 0x16FE2}, {0x1BC9C, 0x1BC9C}, {0x1BC9F, 0x1BCA3}, {0x1CF50, 0x1CFC3},
  {0x1D000, 0x1D0F5}, {0x1D100, 0x1D126}, {0x1D129, 0x1D164}, {0x1D16A, 0x1D16C},
  {0x1D173, 0x1D17A}, {0x1D183, 0x1D184}, {0x1D18C, 0x1D1A9}, {0x1D1AE, 0x1D1EA},
  {0x1D200, 0x1D241}, {0x1D245, 0x1D245}, {0x1D300, 0x1D356}, {0x1D6C1, 0x1D6C1},
  {0x1D6DB, 0x1D6DB}, {0x1D6FB, 0x1D6FB}, {0x1D715, 0x1D715}, {0x1D735, 0x1D735},
  {0x1D74F, 0x1D74F}, {0x1D76F, 0x1D76F}, {0x1D789, 0x1D789}, {0x1D7A9, 0x1D7A9},
  {0x1D7C3, 0x1D7C3}, {0x1D800, 0x1D9FF}, {0x1DA37, 0x1DA3A}, {0x1DA6D, 0x1DA74},
  {0x1DA76, 0x1DA83}, {0x1DA85, 0x1DA8B}, {0x1E14F, 0x1E14F}, {0x1E2FF, 0x1E2FF},
  {0x1E95E, 0x1E95F}, {0x1ECAC, 0x1ECAC}, {0x1ECB0, 0x1ECB0}, {0x1ED2E, 0x1ED2E},
  {0x1EEF0, 0x1EEF1}, {0x1F000, 0x1F02B}, {0x1F030, 0x1F093}, {0x1F0A0, 0x1F0AE},
  {0x1F0B1, 0x1F0BF}, {0x1F0C1, 0x1F0CF}, {0x1F0D1, 0x1F0F5}, {0x1F10D, 0x1F1AD},
  {0x1F1E6, 0x1F202}, {0x1F210, 0x1F23B}, {0x1F240, 0x1F248}, {0x1F250, 0x1F251},
  {0x1F260, 0x1F265}, {0x1F300, 0x1F6D7}, {0x1F6DD, 0x1F6EC}, {0x1F6F0, 0x1F6FC},
  {0x1F700, 0x1F773}, {0x1F780, 0x1F7D8}, {0x1F7E0, 0x1F7EB}, {0x1F7F0, 0x1F7F0},
  {0x1F800, 0x1F80B}, {0x1F810, 0x1F847}, {0x1F850, 0x1F859}, {0x1F860, 0x1F887},
  {0x1F890, 0x1F8AD}, {0x1F8B0, 0x1F8B1}, {0x1F900, 0x1FA53}, {0x1FA60, 0x1FA6D},
  {0x1FA70, 0x1FA74}, {0x1FA78, 0x1FA7C}, {0x1FA80, 0x1FA86}, {0x1FA90, 0x1FAAC},
  {0x1FAB0, 0x1FABA}, {0x1FAC0, 0x1FAC5}, {0x1FAD0, 0x1FAD9}, {0x1FAE0, 0x1FAE7},
  {0x1FAF0, 0x1FAF6}, {0x1FB00, 0x1FB92}, {0x1FB94, 0x1FBCA}, {0xE0001, 0xE0001},
  {0xE0020, 0xE007F}, {0xF0000, 0xFFFFD}, {0x100000, 0x10FFFD},
};


/*
** Decodes the UTF-8 sequence at s[0..len) strictly (no overlongs, no
** surrogates, nothing above U+10FFFF). Returns its length in bytes and
** sets *cp, or returns 0 when the bytes are not valid UTF-8.
*/
static int utf8_decode (const unsigned char *s, size_t len, uint32_t *cp) {
  unsigned c = s[0];
  if (c < 0x80) { *cp = c; return 1; }
  if (c < 0xC2 || c > 0xF4) return 0;
  if (c < 0xE0) {
    if (len < 2 || (s[1] & 0xC0) != 0x80) return 0;
    *cp = ((uint32_t)(c & 0x1F) << 6) | (s[1] & 0x3F);
    return 2;
  }
  if (c < 0xF0) {
    unsigned lo = (c == 0xE0) ? 0xA0 : 0x80;
    unsigned hi = (c == 0xED) ? 0x9F : 0xBF;
    if (len < 3 || s[1] < lo || s[1] > hi || (s[2] & 0xC0) != 0x80) return 0;
    *cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6)
        | (s[2] & 0x3F);
    return 3;
  }
  else {
    unsigned lo = (c == 0xF0) ? 0x90 : 0x80;
    unsigned hi = (c == 0xF4) ? 0x8F : 0xBF;
    if (len < 4 || s[1] < lo || s[1] > hi || (s[2] & 0xC0) != 0x80
        || (s[3] & 0xC0) != 0x80) return 0;
    *cp = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12)
        | ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    return 4;
  }
}


/* Validates UTF-8: ASCII eight bytes at a time, the rest a sequence at
** a time. */
SINORUS_API size_t sinorus_utf8_check (const char *s, size_t len) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0;
  uint32_t cp;
  int n;
  while (i < len) {
    uint64_t w;
    if (len - i >= 8) {
      memcpy(&w, u + i, 8);
      if ((w & UINT64_C(0x8080808080808080)) == 0) {
        i += 8;
        continue;
      }
    }
    if (u[i] < 0x80) {
      i++;
      continue;
    }
    if ((n = utf8_decode(u + i, len - i, &cp)) == 0) return i;
    i += (size_t)n;
  }
  return len;
}


/* Writes the UTF-8 form of a valid code point to out; returns its length. */
static int utf8_encode (uint32_t cp, char *out) {
  if (cp < 0x80) { out[0] = (char)cp; return 1; }
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (cp >> 18));
  out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}


/* Copies a table entry (1..4 bytes, NUL-padded) to out; returns its length. */
static int copy_entry (const char e[4], char *out) {
  int n = 0;
  while (n < 4 && e[n] != '\0') { out[n] = e[n]; n++; }
  return n;
}


/* Folds one code point >= U+0080 into out (0..4 bytes); returns the length. */
static int fold_cp (uint32_t cp, char *out) {
  if (cp < 0xC0) {
    switch (cp) {
      case 0xA0: out[0] = ' '; return 1;            /* no-break space */
      case 0xAB: case 0xBB: out[0] = '"'; return 1; /* guillemets */
      case 0xAD: return 0;                          /* soft hyphen */
      default: return utf8_encode(cp, out);
    }
  }
  if (cp < 0x250) return copy_entry(fold_latin[cp - 0xC0], out);
  if (cp >= 0x300 && cp < 0x370) return 0;          /* combining marks */
  if (cp >= 0x370 && cp < 0x530) return copy_entry(fold_grkcyr[cp - 0x370], out);
  if (cp < 0x1680) return utf8_encode(cp, out);
  if (cp >= 0x1E00 && cp < 0x1F00) return copy_entry(fold_latinx[cp - 0x1E00], out);
  if ((cp >= 0x1AB0 && cp < 0x1B00) || (cp >= 0x1DC0 && cp < 0x1E00)
      || cp == 0x180E) return 0;                    /* more combining marks */
  if (cp == 0x1680) { out[0] = ' '; return 1; }
  if (cp >= 0x2000 && cp < 0x2070) {
    if (cp <= 0x200A || cp == 0x2028 || cp == 0x2029 || cp == 0x202F
        || cp == 0x205F) { out[0] = ' '; return 1; }
    if (cp <= 0x200F || (cp >= 0x202A && cp <= 0x202E) || cp >= 0x2060)
      return 0;                                     /* invisible */
    if (cp <= 0x2015) { out[0] = '-'; return 1; }   /* hyphens, dashes */
    if (cp >= 0x2018 && cp <= 0x201B) { out[0] = '\''; return 1; }
    if (cp >= 0x201C && cp <= 0x201F) { out[0] = '"'; return 1; }
    if (cp == 0x2039 || cp == 0x203A) { out[0] = '\''; return 1; }
    if (cp == 0x2026) { out[0] = out[1] = out[2] = '.'; return 3; }
    return utf8_encode(cp, out);
  }
  if (cp >= 0x20D0 && cp < 0x2100) return 0;        /* combining for symbols */
  if (cp == 0x2212) { out[0] = '-'; return 1; }     /* minus sign */
  if (cp == 0x3000) { out[0] = ' '; return 1; }     /* ideographic space */
  if ((cp >= 0xFE00 && cp < 0xFE10) || (cp >= 0xFE20 && cp < 0xFE30)
      || cp == 0xFEFF || (cp >= 0xE0100 && cp < 0xE01F0))
    return 0;                                       /* selectors, BOM */
  if (cp >= 0xFF01 && cp <= 0xFF5E) {               /* fullwidth ASCII */
    out[0] = (char)ascii_lower[cp - 0xFEE0];
    return 1;
  }
  return utf8_encode(cp, out);
}


/*
** Folds the character at s[*pos] into out and advances *pos past it;
** returns 0..4, the number of bytes written. Invalid UTF-8 folds to
** nothing and advances one byte; at or past the end nothing happens.
*/
SINORUS_API int sinorus_fold_char (const char *s, size_t len, size_t *pos,
                                   char out[4]) {
  const unsigned char *p = (const unsigned char *)s + *pos;
  uint32_t cp;
  int n;
  if (*pos >= len) return 0;
  if (p[0] < 0x80) {
    out[0] = (char)ascii_lower[p[0]];
    *pos += 1;
    return 1;
  }
  n = utf8_decode(p, len - *pos, &cp);
  if (n == 0) { *pos += 1; return 0; }
  *pos += (size_t)n;
  return fold_cp(cp, out);
}


/*
** Folds s[0..len) into out, writing at most outlen bytes (out may be
** NULL when outlen is 0); returns the length of the whole folded text,
** which never exceeds len.
*/
SINORUS_API size_t sinorus_fold (const char *s, size_t len, char *out,
                                 size_t outlen) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0, o = 0;
  while (i < len) {
    if (u[i] < 0x80) {                              /* the ASCII run */
      size_t stop = len, room = (o < outlen) ? outlen - o : 0;
      if (stop - i > room) stop = i + room;
      while (i < stop && u[i] < 0x80) out[o++] = (char)ascii_lower[u[i++]];
      while (i < len && u[i] < 0x80) { i++; o++; } /* past the room */
    }
    else {
      char buf[4];
      int k, n = sinorus_fold_char(s, len, &i, buf);
      for (k = 0; k < n; k++, o++)
        if (o < outlen) out[o] = buf[k];
    }
  }
  return o;
}


/* 1 if code point cp (>= U+0080) is not part of words. */
static int nonword_cp (uint32_t cp) {
  size_t lo = 0, hi = sizeof(nonword_ranges) / sizeof(nonword_ranges[0]);
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (cp < nonword_ranges[mid][0]) hi = mid;
    else if (cp > nonword_ranges[mid][1]) lo = mid + 1;
    else return 1;
  }
  return 0;
}


/*
** 1 if the folded character in folded[0..n) is part of a word: an ASCII
** letter or digit, or a code point >= U+0080 that is a letter, digit or
** mark. Empty or invalid input is not.
*/
SINORUS_API int sinorus_is_word (const char *folded, int n) {
  const unsigned char *u = (const unsigned char *)folded;
  uint32_t cp;
  if (n <= 0) return 0;
  if (u[0] < 0x80) return ascii_word[u[0]];
  if (utf8_decode(u, (size_t)n, &cp) == 0) return 0;
  return !nonword_cp(cp);
}


/* See sn_internal.h. */
int sn_word (const char *s, size_t len, size_t *pos, int skip, size_t *ws,
             size_t *we, char *buf) {
  size_t i = *pos;
  int n = -1;
  while (i < len) {
    size_t start = i;
    unsigned char c = (unsigned char)s[i];
    char f[4];
    int k;
    if (c < 0x80) {                         /* ASCII, the common case */
      if (!((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))) {
        if (n >= 0 || !skip) break;
        i++;
        continue;
      }
      f[0] = (char)(c | ((c >= 'A' && c <= 'Z') ? 0x20 : 0));
      k = 1;
      i++;
    }
    else {
      k = sinorus_fold_char(s, len, &i, f);
      if (k == 0) continue;                 /* invisible */
      if (!sinorus_is_word(f, k)) {
        if (n >= 0 || !skip) { i = start; break; }
        continue;
      }
    }
    if (n < 0) { n = 0; *ws = start; }
    if (n + k <= SN_TOKEN_MAX) {
      memcpy(buf + n, f, (size_t)k);
      n += k;
    }
    *we = i;
  }
  *pos = i;
  return n;
}
