-- The sinorus knowledge-base schema, version 8.
-- Applied to every new KB file and to the built-in image. The build
-- compiles this file into the library; `PRAGMA user_version` and the
-- `meta` table identify a sinorus KB and its schema version.
--
-- The CHECK constraints that limit a column to a few values compare it
-- with each (`kind = 'a' OR kind = 'b'`) rather than use an IN list:
-- SQLite builds a temporary index for an IN list of three or more
-- constants every time a statement checks it, which cost about 2 us of
-- every row written (version 3; version 2 had IN lists, and the
-- migration rewrote only these constraints, no rows).
--
-- Offsets: every start/stop column is a 1-based inclusive byte offset
-- into the text of the source (so a segment's text is the source's text
-- from byte start to byte stop, and stop = start - 1 is empty).
--
-- The text is stored once (version 4): a source's text is kept in
-- source_text, cut into pieces, and a segment is a row of segment_row
-- (offsets and the piece that holds it); the view `segment` gives every
-- segment with its text, for the search index and for users' SQL. Its
-- views (segment; mention since version 5) are the only ones a sinorus
-- file may hold: a file is opened only if
-- its views are exactly those of this schema, as written here (sn_kb.c),
-- so the text of a view is part of the file format: changing it takes a
-- new schema version whose migration replaces the view.

-- 8 KiB pages (set before the first table): an import writes a few times
-- the text it imports, which 8 KiB pages make about 8% faster than 4 KiB;
-- 16 KiB would be faster still but slows searches and small writes.
PRAGMA page_size = 8192;
-- Pages freed inside the file (version 6) go back at the end of each
-- import (sn_import.c): the FTS5 index's merges free the segments they
-- merge, a third of the input's size in an import of 100 MB.
PRAGMA auto_vacuum = INCREMENTAL;
PRAGMA user_version = 8;

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO meta VALUES ('format', 'sinorus'), ('schema', '8');

-- A document: the article or an analyst's material. Its text is in
-- source_text (kb:text reassembles it).
CREATE TABLE source (
  id        INTEGER PRIMARY KEY,
  title     TEXT NOT NULL,
  authors   TEXT NOT NULL DEFAULT '[]',   -- JSON array of names
  outlet    TEXT,
  published TEXT,                         -- ISO 8601 date
  url       TEXT,
  doi       TEXT
);

-- The text of each source, stored once, in pieces: a piece holds the
-- bytes start to stop of its source (the first starts at 1, each of the
-- others after the stop of the one before, the last stops at the end of
-- the text), so
-- the pieces of a source in order of start are its text. A piece is cut
-- only where a segment starts that no earlier segment runs across, and
-- inside a paragraph (at a sentence) only when the paragraph alone is
-- longer than a piece; so every segment but such a long paragraph lies
-- inside one piece. A piece holds up to about 3,000 bytes of text
-- (8,000 before version 6; sn_import.c says why).
-- Since version 6 a piece is kept compressed (see the storage block
-- below): `packed` is one zstd frame of its bytes, which the SQL function
-- sinorus_unpack(packed) gives back (sinorus_unpack(packed, from, len):
-- the len bytes from byte `from`, counted from 0). Since version 8 the
-- pieces of a source that a dictionary suits (a long one, or one like an
-- earlier source) are packed with a dictionary of text_dict and hold up
-- to about 700 bytes; the frame names its dictionary.
CREATE TABLE source_text (
  id     INTEGER PRIMARY KEY,
  source INTEGER NOT NULL REFERENCES source(id),
  start  INTEGER NOT NULL,
  stop   INTEGER NOT NULL,   -- its last byte (start - 1 when empty)
  packed BLOB NOT NULL,      -- its bytes, one zstd frame (version 6)
  UNIQUE (source, start)
);

-- The zstd dictionaries pieces are packed with (version 8), in the order
-- they were made: each trained on a sample of the pieces of the source
-- that needed it (sn_text.c) and used again for later sources it suits.
-- zid is zstd's id of the dictionary, a hash of its bytes, which the
-- frames packed with it carry and by which sinorus_unpack finds it.
CREATE TABLE text_dict (
  id   INTEGER PRIMARY KEY,
  zid  INTEGER NOT NULL UNIQUE,
  dict BLOB NOT NULL
);

-- Headings, paragraphs, sentences and reference entries of a source:
-- their offsets and the piece of text that holds them. Read them through
-- the view `segment`, which adds the text, names the kind and gives the
-- stop. Since version 5 the kind is a number (SINORUS_SEG_* of sinorus.h:
-- 1 heading, 2 paragraph, 3 sentence, 4 reference) and the length stands
-- for the stop, which take a byte or two where the name and the stop took
-- up to 13 (see the storage block below).
CREATE TABLE segment_row (
  id           INTEGER PRIMARY KEY,
  source       INTEGER NOT NULL REFERENCES source(id),
  kind         INTEGER NOT NULL
               CHECK (kind = 1 OR kind = 2 OR kind = 3 OR kind = 4),
  section      INTEGER REFERENCES segment_row(id),   -- the heading in force
  parent       INTEGER REFERENCES segment_row(id),   -- the paragraph of a sentence
  ord          INTEGER NOT NULL,                     -- order within the source
  start        INTEGER NOT NULL,
  len          INTEGER NOT NULL,                     -- bytes (stop = start + len - 1)
  duplicate_of INTEGER REFERENCES segment_row(id),   -- an earlier segment, same text
  piece        INTEGER NOT NULL REFERENCES source_text(id)
);
-- Since version 5 there is no index on parent: the sentences of a
-- paragraph follow it in order of id; since version 6 none on
-- (source, ord): the segments of the sources follow each other in order
-- of id, so (source, ord) and id order them alike (see the storage
-- block below).

-- Every segment with its text (the bytes start..stop of its source): a
-- cut of its piece, or of the pieces from its piece on for a paragraph
-- that runs across pieces (in order of start, as the index on
-- (source, start) gives them), unpacked by sinorus_unpack.
CREATE VIEW segment (id, source, kind, section, parent, ord, start, stop,
                     duplicate_of, text) AS
  SELECT s.id, s.source,
         CASE s.kind WHEN 1 THEN 'heading' WHEN 2 THEN 'paragraph'
                     WHEN 3 THEN 'sentence' WHEN 4 THEN 'reference' END,
         s.section, s.parent, s.ord, s.start, s.start + s.len - 1,
         s.duplicate_of,
         CASE WHEN s.start + s.len - 1 <= p.stop
              THEN sinorus_unpack(p.packed, s.start - p.start, s.len)
              ELSE CAST(substr((SELECT CAST(group_concat(sinorus_unpack(q.packed), '')
                                            AS BLOB)
                                FROM source_text q WHERE q.source = s.source
                                AND q.start BETWEEN p.start AND s.start + s.len - 1),
                               s.start - p.start + 1, s.len) AS TEXT) END
  FROM segment_row s JOIN source_text p ON p.id = s.piece;

-- Full-text index over segment.text, folded by the sinorus tokenizer;
-- its content is the view, so the index keeps no copy of the text.
-- Since version 2 it holds headings, sentences and reference entries but
-- not paragraphs: a paragraph is the sum of its sentences, and searches
-- for paragraphs are answered from them (see KB:search), so the text is
-- indexed once. So the index covers only part of its content: the
-- 'integrity-check' command is to be run without a rank (with rank 1 it
-- compares the index with every row), and 'rebuild' would index the
-- paragraphs too. Imports buffer up to 16 MB of terms before writing a
-- level of the index.
-- ---- v5 languages (issue 17): the KB's search settings --------------
-- The tokenizer's arguments are the KB's search settings
-- (doc/languages.md): cjk indexes each CJK character and each pair of
-- neighbours, so Chinese words are found inside runs of Han characters;
-- english and russian index the Snowball stem of each Latin and Cyrillic
-- word beside it, so a word finds its inflected forms while a quoted
-- phrase matches as written. migrate_v5_lang (sn_kb.c) re-declares the
-- index of an older file with this statement and rebuilds it.
CREATE VIRTUAL TABLE segment_fts USING fts5(
  text, content = 'segment', content_rowid = 'id',
  tokenize = 'sinorus cjk english russian'
);
-- ---- end v5 languages ----------------------------------------------
INSERT INTO segment_fts (segment_fts, rank) VALUES ('hashsize', 16777216);

CREATE TABLE entity (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind = 'state' OR kind = 'organization'
                OR kind = 'person' OR kind = 'place' OR kind = 'company'
                OR kind = 'document' OR kind = 'initiative' OR kind = 'event'),
  description TEXT
) WITHOUT ROWID;

-- ---- v5 languages (issue 17): the script of each alias -------------
-- Names and aliases (the name is an alias too); folded for lookup. Since
-- version 5 each has its script, the ISO 15924 code of most of its
-- letters (Latn, Cyrl, Hani; Zyyy for none), derived from the alias when
-- it is written (core.script; model.ALIAS_SCRIPTS lists the codes).
CREATE TABLE alias (
  entity TEXT NOT NULL REFERENCES entity(id),
  alias  TEXT NOT NULL,
  folded TEXT NOT NULL,
  ord    INTEGER NOT NULL,
  script TEXT NOT NULL CHECK (script = 'Latn' OR script = 'Cyrl'
           OR script = 'Hani' OR script = 'Zyyy'),
  PRIMARY KEY (entity, alias)
) WITHOUT ROWID;
CREATE INDEX alias_folded ON alias(folded);
-- ---- end v5 languages ----------------------------------------------

-- ---- storage (schema versions 5 to 8): segments, mentions, text compact -
-- segment_row keeps a segment's kind as a number and its length (above).
-- An entity has a small integer key (entity_key; given when it is first
-- mentioned, and going with it). Since version 7 a segment's mentions
-- are one row of mention_pack: a blob of varints (7 bits a byte, least
-- significant first), three a mention: the entity's key, the span's
-- start as bytes from the segment's start (0: its first byte) and its
-- length in bytes, in order of key and start. Which segments mention an
-- entity is its posting list in mention_posting, in chunks: a varint a
-- mention, the difference of its segment from the one before (0: the
-- same segment again), the first counted from `first`; a segment's
-- mentions are never split between two chunks. The virtual table
-- sinorus_mention (csrc/sn_mention.c) reads them back as rows
-- (segment, entity key, start, len), found by segment, a range of
-- segments or an entity, and the view `mention` gives the columns of
-- versions 1 to 6 (the entity's id, offsets into the source's text) for
-- users' SQL (in the sqlite3 shell, `.load build/sinorus_sqlite` first).
-- A mention took about 29 bytes of the file in version 6 (a row and its
-- entry in an index by entity), and takes about 9 (bench/README.md).
-- The sentences of a paragraph follow it in order of id (an import
-- writes a paragraph, then its sentences), so finding them needs no
-- index on segment_row.parent.
-- Since version 2 a paragraph holds only the mentions that run across two
-- of its sentences; its other mentions are its sentences' (offsets count
-- from the start of the source, so the spans are the same).
CREATE TABLE entity_key (
  id     INTEGER PRIMARY KEY,
  entity TEXT NOT NULL UNIQUE REFERENCES entity(id)
);

CREATE TABLE mention_pack (
  segment INTEGER PRIMARY KEY REFERENCES segment_row(id),
  spans   BLOB NOT NULL      -- (entity key, start, length) varints
);

CREATE TABLE mention_posting (
  entity INTEGER NOT NULL REFERENCES entity_key(id),
  first  INTEGER NOT NULL,   -- the segment of its first mention
  segs   BLOB NOT NULL,      -- a varint a mention: its segment's difference
  PRIMARY KEY (entity, first)
) WITHOUT ROWID;

-- The packs and posting lists read back as rows (segment, entity key,
-- start, len). A table of each KB's schema, so that the view of a KB
-- attached to another connection reads that KB's mentions.
CREATE VIRTUAL TABLE sinorus_mention USING sinorus_mention;

-- Spans of segments in which an alias of an entity occurs: offsets into
-- the source's text, 1-based inclusive, as in every version.
CREATE VIEW mention (segment, entity, start, stop) AS
  SELECT m.segment, k.entity, s.start + m.start, s.start + m.start + m.len - 1
  FROM sinorus_mention m JOIN entity_key k ON k.id = m.entity
  JOIN segment_row s ON s.id = m.segment;
-- Version 6: the text compressed and no index on (source, ord). A piece
-- of text is a zstd frame (level 1, with its length and a checksum; a
-- damaged frame is an SQL error, SQLITE_CORRUPT), which takes about half
-- of the text's bytes; sinorus_unpack keeps the last pieces a connection
-- unpacked, so reading the segments of a piece in a row unpacks it once.
-- Measured on 10 MB of English (bench/author.lua, dbstat): the text
-- takes 0.55x the input (1.06x in version 5) and the file 2.29x (3.01x);
-- on 100 MB the file 2.27x (3.30x, free pages included: see auto_vacuum
-- above); a search unpacks a piece per hit it reads (bench/README.md).
-- Every connection sinorus opens has the function; in the sqlite3 shell,
-- `.load build/sinorus_sqlite` first (doc/authoring.md). segment_row
-- lost its UNIQUE (source, ord), whose index took about a fifth of the
-- input's size: an import gives the segments of a source consecutive ids
-- after every id in use, in document order, so ordering by id orders by
-- (source, ord), and sinorus's queries do that; the migration checks
-- that a file's segments are so numbered.
-- Version 8: dictionaries (text_dict). A search unpacks a piece for each
-- hit it shows, and a zstd frame of 3,000 bytes of text costs about 47 k
-- instructions to unpack, most of them rebuilding its entropy tables;
-- with a dictionary, whose tables each connection digests once, a piece
-- of 700 bytes costs about 9 k and packs smaller than 3,000 bytes do
-- without one. So the rare-word query of bench/core.lua went from 1,765 k
-- instructions (version 7) to 1,249 k (version 5, with the text
-- unpacked: 1,281 k), and on its corpus the text from 0.49x of the input
-- to 0.40x. A dictionary costs 16 KiB, which a source of 256 KiB pays
-- for; a shorter one uses an earlier dictionary that suits it, or none.
-- ---- end of storage (schema versions 5 to 8) ----------------------------------

-- The segments a record rests on. record_type names the table.
CREATE TABLE evidence (
  record_type TEXT NOT NULL,
  record      TEXT NOT NULL,
  ord         INTEGER NOT NULL,
  segment     INTEGER NOT NULL REFERENCES segment_row(id),
  phrase      TEXT,            -- the verbatim phrase that located it
  PRIMARY KEY (record_type, record, ord)
) WITHOUT ROWID;
CREATE INDEX evidence_segment ON evidence(segment);

CREATE TABLE claim (
  id         TEXT PRIMARY KEY,
  text       TEXT NOT NULL,
  horizon    TEXT NOT NULL
             CHECK (horizon = 'short' OR horizon = 'long' OR horizon = 'both'),
  estimative TEXT,
  scale      TEXT,
  p_low      REAL CHECK (p_low BETWEEN 0 AND 1),
  p_high     REAL CHECK (p_high BETWEEN 0 AND 1),
  note       TEXT,
  CHECK (p_low IS NULL OR p_high IS NULL OR p_low <= p_high)
) WITHOUT ROWID;

CREATE TABLE claim_about (
  claim  TEXT NOT NULL REFERENCES claim(id),
  entity TEXT NOT NULL REFERENCES entity(id),
  ord    INTEGER NOT NULL,
  PRIMARY KEY (claim, entity)
) WITHOUT ROWID;
CREATE INDEX claim_about_entity ON claim_about(entity);

CREATE TABLE claim_topic (
  claim TEXT NOT NULL REFERENCES claim(id),
  topic TEXT NOT NULL,
  ord   INTEGER NOT NULL,
  PRIMARY KEY (claim, topic)
) WITHOUT ROWID;

CREATE TABLE factor (
  id       TEXT PRIMARY KEY,
  name     TEXT NOT NULL,
  kind     TEXT NOT NULL CHECK (kind = 'driver' OR kind = 'irritant'),
  domain   TEXT NOT NULL,
  horizon  TEXT NOT NULL
           CHECK (horizon = 'short' OR horizon = 'long' OR horizon = 'both'),
  weight   REAL NOT NULL CHECK (weight BETWEEN 0 AND 1),
  w_low    REAL NOT NULL CHECK (w_low BETWEEN 0 AND 1),
  w_high   REAL NOT NULL CHECK (w_high BETWEEN 0 AND 1),
  coupling REAL NOT NULL DEFAULT 0 CHECK (coupling BETWEEN -1 AND 1),
  why      TEXT NOT NULL,    -- the reason for the weight
  CHECK (w_low <= weight AND weight <= w_high)
) WITHOUT ROWID;

CREATE TABLE relation (
  id      TEXT PRIMARY KEY,
  src     TEXT NOT NULL REFERENCES entity(id),
  dst     TEXT NOT NULL REFERENCES entity(id),
  type    TEXT NOT NULL,
  sign    INTEGER NOT NULL CHECK (sign = -1 OR sign = 0 OR sign = 1),
  weight  REAL NOT NULL CHECK (weight BETWEEN 0 AND 1),
  horizon TEXT NOT NULL
          CHECK (horizon = 'short' OR horizon = 'long' OR horizon = 'both'),
  note    TEXT
) WITHOUT ROWID;

CREATE TABLE event (
  id          TEXT PRIMARY KEY,
  date        TEXT NOT NULL,   -- ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD
  title       TEXT NOT NULL,
  cameo       TEXT,
  goldstein   REAL CHECK (goldstein BETWEEN -10 AND 10),
  date_source TEXT,
  note        TEXT
) WITHOUT ROWID;

CREATE TABLE event_actor (
  event  TEXT NOT NULL REFERENCES event(id),
  entity TEXT NOT NULL REFERENCES entity(id),
  ord    INTEGER NOT NULL,
  PRIMARY KEY (event, entity)
) WITHOUT ROWID;

-- The source of an event that rests on a source of its own, not on the
-- sentences of a source of the KB (version 4): an event after the
-- article's publication, coded from a dated row and its URL. Such an
-- event has no evidence rows; kb:evidence says so.
CREATE TABLE event_source (
  event             TEXT PRIMARY KEY REFERENCES event(id),
  url               TEXT NOT NULL,
  after_publication INTEGER NOT NULL CHECK (after_publication = 0 OR after_publication = 1),
  checked           TEXT CHECK (checked = 'yes' OR checked = 'partly'),
  covers            TEXT,        -- the period a reported figure is about
  tally             TEXT,        -- a vote's tally, "for-against-abstain"
  votes             TEXT         -- JSON object: entity id -> for, against, abstain
) WITHOUT ROWID;

CREATE TABLE quote (
  id      TEXT PRIMARY KEY,
  speaker TEXT NOT NULL REFERENCES entity(id),
  text    TEXT NOT NULL,
  segment INTEGER NOT NULL REFERENCES segment_row(id),
  stance  TEXT
) WITHOUT ROWID;

-- An entry of a source's list of references, keyed by the source and
-- its number in the list (version 4; version 3 had the number alone).
-- Its evidence rows have record = '<source>:<number>'.
CREATE TABLE reference (
  source    INTEGER NOT NULL REFERENCES source(id),
  id        INTEGER NOT NULL,             -- its number in the list
  authors   TEXT NOT NULL DEFAULT '[]',   -- JSON array
  year      INTEGER,
  title     TEXT NOT NULL,
  container TEXT,
  doi       TEXT,
  url       TEXT,
  segment   INTEGER REFERENCES segment_row(id),
  PRIMARY KEY (source, id)
) WITHOUT ROWID;

-- A question of an Analysis of Competing Hypotheses: its hypotheses and
-- its items of evidence form one ACH matrix (version 4; version 3 had one
-- matrix for the whole KB).
CREATE TABLE question (
  id   TEXT PRIMARY KEY,
  text TEXT NOT NULL,
  ord  INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE hypothesis (
  id       TEXT PRIMARY KEY,
  question TEXT NOT NULL REFERENCES question(id),
  text     TEXT NOT NULL,
  ord      INTEGER NOT NULL
) WITHOUT ROWID;

-- ACH evidence items (their segments are in `evidence`); an item rates
-- the hypotheses of its question.
CREATE TABLE ach_item (
  id          TEXT PRIMARY KEY,
  question    TEXT NOT NULL REFERENCES question(id),
  text        TEXT NOT NULL,
  credibility TEXT NOT NULL CHECK (credibility = 'low' OR credibility = 'medium'
                                   OR credibility = 'high'),
  relevance   TEXT NOT NULL CHECK (relevance = 'low' OR relevance = 'medium'
                                   OR relevance = 'high'),
  ord         INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE rating (
  item       TEXT NOT NULL REFERENCES ach_item(id),
  hypothesis TEXT NOT NULL REFERENCES hypothesis(id),
  rating     TEXT NOT NULL CHECK (rating = 'CC' OR rating = 'C' OR rating = 'N'
                                  OR rating = 'I' OR rating = 'II' OR rating = 'NA'),
  PRIMARY KEY (item, hypothesis)
) WITHOUT ROWID;

-- When an ACH item's evidence became known and the event records it rests
-- on (version 4). An item without a row dates from the latest published
-- date of the sources of its evidence segments.
CREATE TABLE item_basis (
  item   TEXT PRIMARY KEY REFERENCES ach_item(id),
  date   TEXT NOT NULL,    -- ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD
  events TEXT              -- JSON array of event ids
) WITHOUT ROWID;

-- Why an item is rated as it is against a hypothesis (version 4).
CREATE TABLE rating_reason (
  item       TEXT NOT NULL REFERENCES ach_item(id),
  hypothesis TEXT NOT NULL REFERENCES hypothesis(id),
  reason     TEXT NOT NULL,
  PRIMARY KEY (item, hypothesis)
) WITHOUT ROWID;

-- A forecast: a forward-looking claim worded as a proposition that
-- resolves yes or no by a date (version 4). `components` (a JSON array of
-- {id, text}) splits a judgment of several parts; `uses` (a JSON array)
-- names the shared tests of its criteria. A claim with no resolvable
-- proposition has a forecast without one, resolved 'unresolvable'.
-- Its evidence rows (the article's sentences) have record_type 'forecast'.
CREATE TABLE forecast (
  id          TEXT PRIMARY KEY,
  claim       TEXT NOT NULL REFERENCES claim(id),
  proposition TEXT,
  criteria    TEXT,
  components  TEXT,              -- JSON array of {id, text}
  uses        TEXT,              -- JSON array of strings
  kind        TEXT CHECK (kind = 'occurs' OR kind = 'holds'),
  opens       TEXT,              -- ISO 8601
  resolves_by TEXT,              -- ISO 8601
  polarity    TEXT CHECK (polarity = 'event' OR polarity = 'complement'),
  claim_text  TEXT CHECK (claim_text = 'asserts' OR claim_text = 'denies'),
  p_low       REAL CHECK (p_low BETWEEN 0 AND 1),
  p_high      REAL CHECK (p_high BETWEEN 0 AND 1),
  scale       TEXT,
  note        TEXT
) WITHOUT ROWID;

-- How a forecast came out; its id is the forecast's (one per forecast).
-- `events`, `against` (JSON arrays) name the event records it rests on
-- and those pointing the other way; `components` (a JSON object) the
-- outcome of each component.
CREATE TABLE resolution (
  id         TEXT PRIMARY KEY REFERENCES forecast(id),
  outcome    TEXT NOT NULL CHECK (outcome = 'yes' OR outcome = 'no' OR outcome = 'partly'
                                  OR outcome = 'not_yet' OR outcome = 'unresolvable'),
  resolved   TEXT,               -- ISO 8601
  events     TEXT,               -- JSON array of event ids
  against    TEXT,               -- JSON array of event ids
  components TEXT,               -- JSON object: component id -> outcome
  awaiting   TEXT CHECK (awaiting = 'date' OR awaiting = 'source'),
  reason     TEXT NOT NULL
) WITHOUT ROWID;

-- Qualitative codes on segments.
CREATE TABLE code (
  segment INTEGER NOT NULL REFERENCES segment_row(id),
  code    TEXT NOT NULL,
  PRIMARY KEY (segment, code)
) WITHOUT ROWID;

-- Every change made through the authoring API.
CREATE TABLE changelog (
  id        INTEGER PRIMARY KEY,
  time      TEXT NOT NULL,
  operation TEXT NOT NULL,
  record    TEXT,
  before    TEXT,       -- JSON
  after     TEXT        -- JSON
);

-- ---- v5: import formats (migrate_v5_formats in sn_kb.c) ----
-- The pages of a source imported from a paged format (PDF): page N of
-- the source holds the bytes start..stop of its text (counted from 1, as
-- a segment's start and stop).
CREATE TABLE source_page (
  source INTEGER NOT NULL REFERENCES source(id),
  page   INTEGER NOT NULL,
  start  INTEGER NOT NULL,
  stop   INTEGER NOT NULL,
  PRIMARY KEY (source, page)
) WITHOUT ROWID;

-- The hash of a source's text with each run of white space as one space
-- (core.text_hash), by which kb:import tells a document imported before.
-- Filled by kb:import, and by it for the sources that have none yet.
CREATE TABLE source_hash (
  source INTEGER PRIMARY KEY REFERENCES source(id),
  hash   TEXT NOT NULL
);
CREATE INDEX source_hash_hash ON source_hash(hash);

-- The page(s) each segment of a paged source lies on: one row per page
-- that the segment's bytes overlap.
CREATE VIEW segment_page (segment, page) AS
  SELECT s.id, p.page FROM segment s
  JOIN source_page p ON p.source = s.source AND s.start <= p.stop AND s.stop >= p.start;
-- ---- end of v5: import formats ----
