# sinorus: make | make demo | make test | make check-asan | make check-valgrind
#          make bench | make install PREFIX=... | make clean
#
# The build runs in two stages. Stage 0 is the module without a built-in
# knowledge base; tools/mkkb.lua uses it to segment the article, load the
# coded data from data/ and write build/kb.sqlite. That image is then
# compiled into the final module (build/sinorus/core.so) and the static
# library for embedding hosts (build/libsinorus.a).

LUA       ?= lua5.4
CC        ?= cc
PREFIX    ?= /usr/local
B         ?= build
LUA_CFLAGS := $(shell pkg-config --cflags lua5.4 2>/dev/null || echo -I/usr/include/lua5.4)
LUA_LIBS   := $(shell pkg-config --libs lua5.4 2>/dev/null || echo -llua5.4)

OPT       ?= -O2 -g
WARN      := -std=c99 -Wall -Wextra -Wpedantic
SAN       ?=
CPPFLAGS  += -Iinclude -Icsrc -I$(B)/gen $(LUA_CFLAGS)
# -fno-math-errno lets sqrt compile to one instruction (results unchanged).
ALLCFLAGS  = $(WARN) $(OPT) $(SAN) -fPIC -fvisibility=hidden -fno-math-errno $(CFLAGS)
# The document formats (sn_extract.c): libxml2 (HTML, DOCX XML), poppler-glib
# (PDF) and libzip (DOCX), found by pkg-config; their headers are system
# headers (-isystem), so -Wpedantic speaks of ours only.
# libxml2, libzip and poppler-glib are not linked: csrc/sn_libs.c loads
# each (dlopen) when the first document or file needs it, by the soname
# of the library compiled against (SN_<LIB>_SONAME, read from it here).
EXTRACT_PKGS := libxml-2.0 poppler-glib libzip
EXTRACT_CFLAGS := $(patsubst -I%,-isystem %,$(shell pkg-config --cflags $(EXTRACT_PKGS)))
soname = $(shell objdump -p $$(pkg-config --variable=libdir $(1))/$(2) 2>/dev/null \
           | awk '/SONAME/ { print $$2 }')
POPPLER_SONAME := $(call soname,poppler-glib,libpoppler-glib.so)
XML_SONAME     := $(call soname,libxml-2.0,libxml2.so)
ZIP_SONAME     := $(call soname,libzip,libzip.so)
CPPFLAGS  += $(EXTRACT_CFLAGS) $(if $(POPPLER_SONAME),-DSN_POPPLER_SONAME='"$(POPPLER_SONAME)"') \
             $(if $(XML_SONAME),-DSN_XML_SONAME='"$(XML_SONAME)"') \
             $(if $(ZIP_SONAME),-DSN_ZIP_SONAME='"$(ZIP_SONAME)"')
LIBS      := -lsqlite3 -lstemmer -lzstd -lm -lpthread -ldl
# LINK_LUA=1 links the module against liblua, for hosts that load Lua privately.
ifeq ($(LINK_LUA),1)
LIBS      += $(LUA_LIBS)
endif

CORE_SRC  := $(sort $(wildcard csrc/sn_*.c))
BIND_SRC  := $(sort $(wildcard csrc/l*.c))
OBJ       := $(CORE_SRC:csrc/%.c=$(B)/obj/%.o) $(BIND_SRC:csrc/%.c=$(B)/obj/%.o)
HEADERS   := $(wildcard include/*.h csrc/*.h)
LUA_SRC   := $(sort $(wildcard lua/sinorus/*.lua))
# One folder per coded document: data/NAME/source.lua, its text, kb/*.lua.
KB_SOURCES := $(sort $(patsubst %/source.lua,%,$(wildcard data/*/source.lua)))
KB_DATA   := data/schema.sql $(filter-out %/kb %/blind,$(wildcard $(addsuffix /*,$(KB_SOURCES)))) \
             $(wildcard $(addsuffix /kb/*.lua,$(KB_SOURCES))) tools/mkkb.lua \
             $(wildcard tools/kbdata.lua)
ARTICLE   := data/abb-polianskii-2022/article.txt
GEN       := $(B)/obj/sn_schema.o $(B)/obj/lsn_lua.o

LUAENV     = LUA_PATH='lua/?.lua;lua/?/init.lua;tools/?.lua;;' LUA_CPATH='$(B)/?.so;;'
BUSTED    ?= $(shell command -v busted)
# How the build runs Lua on its own module (check-asan preloads the runtime).
LUA_RUN   ?= $(LUA)

.PHONY: all demo ach-report docs test test-c check-asan check-valgrind crash-test bench bench-import-1g \
        icu-compare install uninstall clean lint coverage thesis

all: $(B)/sinorus/core.so $(B)/libsinorus.a $(B)/sinorus_sqlite.so

# The loadable extension for the sqlite3 shell (`.load build/sinorus_sqlite`):
# sinorus_unpack, which the view segment reads the stored text with, the
# virtual table sinorus_mention, which the view mention reads, and
# the sinorus tokenizer; SQLite's calls go through the shell's own API table.
EXT_SRC   := csrc/sn_text.c csrc/sn_mention.c csrc/sn_fts.c csrc/sn_fold.c csrc/sn_stem.c
$(B)/sinorus_sqlite.so: $(EXT_SRC) $(HEADERS) | $(B)/obj
	$(CC) $(CPPFLAGS) $(ALLCFLAGS) -DSN_SQLITE_EXTENSION -shared -Wl,--no-undefined \
	  -o $@ $(EXT_SRC) -lstemmer -lzstd -lm

$(B)/obj $(B)/gen $(B)/sinorus $(B)/stage0/sinorus:
	@mkdir -p $@

$(B)/obj/%.o: csrc/%.c $(HEADERS) | $(B)/obj
	$(CC) $(CPPFLAGS) $(ALLCFLAGS) -c $< -o $@

$(B)/obj/%.o: $(B)/gen/%.c $(HEADERS) | $(B)/obj
	$(CC) $(CPPFLAGS) $(ALLCFLAGS) -c $< -o $@

$(B)/gen/sn_schema.c: data/schema.sql tools/embed.lua | $(B)/gen
	$(LUA) tools/embed.lua schema $< > $@.tmp && mv $@.tmp $@

$(B)/gen/lsn_lua.c: $(LUA_SRC) tools/embed.lua | $(B)/gen
	$(LUA) tools/embed.lua lua $(LUA_SRC) > $@.tmp && mv $@.tmp $@

$(B)/gen/sn_image0.c: tools/embed.lua | $(B)/gen
	$(LUA) tools/embed.lua image - > $@.tmp && mv $@.tmp $@

$(B)/gen/sn_image.c: $(B)/kb.sqlite tools/embed.lua | $(B)/gen
	$(LUA) tools/embed.lua image $< > $@.tmp && mv $@.tmp $@

# Stage 0: the module without a built-in KB, to build the KB with.
$(B)/stage0/sinorus/core.so: $(OBJ) $(GEN) $(B)/obj/sn_image0.o | $(B)/stage0/sinorus
	$(CC) $(SAN) -shared -o $@ $^ $(LIBS)

$(B)/kb.sqlite: $(B)/stage0/sinorus/core.so $(KB_DATA) $(LUA_SRC)
	@rm -f $@.tmp
	LUA_PATH='lua/?.lua;lua/?/init.lua;tools/?.lua;;' \
	  LUA_CPATH='$(B)/stage0/?.so;;' $(LUA_RUN) tools/mkkb.lua $@.tmp $(KB_SOURCES)
	@mv $@.tmp $@

$(B)/sinorus/core.so: $(OBJ) $(GEN) $(B)/obj/sn_image.o | $(B)/sinorus
	$(CC) $(SAN) -shared -o $@ $^ $(LIBS)

$(B)/libsinorus.a: $(OBJ) $(GEN) $(B)/obj/sn_image.o
	@rm -f $@
	ar rcs $@ $^

# The main job: an analysis of the built-in knowledge base.
DEMO ?= examples/outlook.lua examples/hindsight.lua
demo: all
	@for f in $(DEMO); do $(LUAENV) $(LUA) $$f || exit 1; done

# The blind second coding of the ACH ratings and factor classes: agreement
# before and after adjudication, and the ACH ranking (data/README.md section 9).
ach-report: all
	@$(LUAENV) $(LUA) tools/ach_report.lua

# A report, not a test: does the coded model still reproduce the article's
# thesis (tools/thesis_report.lua; spec/data_spec.lua checks only the rules)?
thesis: all
	@$(LUAENV) $(LUA) tools/thesis_report.lua

# The embedding example: a C host with Lua 5.4 and libsinorus.a only.
$(B)/host: examples/host.c $(B)/libsinorus.a include/lsinorus.h include/sinorus.h
	$(CC) $(WARN) $(OPT) $(SAN) -Iinclude $(LUA_CFLAGS) -o $@ examples/host.c \
	  $(B)/libsinorus.a $(LUA_LIBS) $(LIBS)

# The API reference, generated from the same source as help().
doc/API.md: lua/sinorus/doc.lua tools/gendoc.lua
	LUA_PATH='lua/?.lua;lua/?/init.lua;;' $(LUA) tools/gendoc.lua $@
# the scorecard of doc/forecasts.md, computed from the built KB
docs: doc/API.md all
	$(LUAENV) $(LUA) tools/scorecard.lua doc/forecasts.md
	$(LUAENV) $(LUA) tools/gensuggest.lua doc/suggest.md

# ---------------------------------------------------------------------
# Tests

test: all $(B)/host test-c fuzz-replay
	$(LUAENV) SINORUS_BUILD=$(B) $(LUA) $(BUSTED) --output=spec/support/summary.lua spec
# the browser specs' driver (spec/browser, puppeteer-core; chromium from Debian)
test: spec/browser/node_modules/.package-lock.json
spec/browser/node_modules/.package-lock.json: spec/browser/package-lock.json
	cd spec/browser && npm ci --no-audit --no-fund --loglevel=error

# C test programs: spec/c/*_test.c, linked with the core.
C_TESTS := $(patsubst spec/c/%.c,$(B)/test/%,$(wildcard spec/c/*_test.c))

$(B)/test/%: spec/c/%.c spec/c/check.h $(OBJ) $(GEN) $(B)/obj/sn_image.o
	@mkdir -p $(B)/test
	$(CC) $(CPPFLAGS) $(WARN) $(OPT) $(SAN) -o $@ $< \
	  $(filter $(B)/obj/sn_%.o,$^) $(LIBS)

# (sn_extract.c and sn_libs.c themselves, with document libraries that
# cannot be loaded)
$(B)/test/extract_nolib_test: spec/c/extract_nolib_test.c spec/c/check.h csrc/sn_extract.c \
    csrc/sn_libs.c csrc/sn_libs.h $(OBJ) $(GEN) $(B)/obj/sn_image.o
	@mkdir -p $(B)/test
	$(CC) $(CPPFLAGS) $(WARN) $(OPT) $(SAN) -o $@ $< \
	  $(filter-out $(B)/obj/sn_extract.o $(B)/obj/sn_libs.o,$(filter $(B)/obj/sn_%.o,$^)) \
	  $(LIBS)

test-c: $(C_TESTS)
	@for t in $(C_TESTS); do echo "$$t"; ./$$t $(ARTICLE) || exit 1; done

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer.
# Lua itself is not instrumented, so the runtime is preloaded.
ASAN_CC   ?= clang
ASAN_RT    = $(shell $(ASAN_CC) -print-file-name=libclang_rt.asan-x86_64.so)
ASAN_ENV   = LD_PRELOAD=$(ASAN_RT) ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	     UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
check-asan:
	$(MAKE) B=build-asan CC=$(ASAN_CC) OPT='-O1 -g -fno-omit-frame-pointer' \
	  SAN='-fsanitize=address,undefined -fno-sanitize-recover=all -shared-libasan' \
	  LUA_RUN='env $(ASAN_ENV) $(LUA)' all
	$(MAKE) B=build-asan CC=$(ASAN_CC) OPT='-O1 -g -fno-omit-frame-pointer' \
	  SAN='-fsanitize=address,undefined -fno-sanitize-recover=all' test-c fuzz-replay
	$(ASAN_ENV) LUA_PATH='lua/?.lua;lua/?/init.lua;tools/?.lua;;' \
	  LUA_CPATH='build-asan/?.so;;' SINORUS_BUILD=build-asan \
	  $(LUA) $(BUSTED) --output=spec/support/summary.lua spec

# ---------------------------------------------------------------------

# The in-process specs under valgrind (memcheck, definite and indirect
# leaks are errors). Specs that mostly drive other programs are left out.
VALGRIND_SPECS ?= $(filter-out spec/package_spec.lua spec/cli_spec.lua spec/cli_errors_spec.lua \
  spec/install_spec.lua spec/doctest_spec.lua spec/interrupt_spec.lua spec/lighttpd_spec.lua,$(wildcard spec/*_spec.lua))
check-valgrind: all
	$(LUAENV) valgrind -q --trace-children=yes --trace-children-skip='*/mktemp,*/cp' \
	  --error-exitcode=99 \
	  --leak-check=full --errors-for-leak-kinds=definite,indirect \
	  --show-leak-kinds=definite,indirect \
	  $(LUA) $(BUSTED) --output=spec/support/summary.lua $(VALGRIND_SPECS)

# The HTTP load client of spec/lighttpd_spec.lua and bench/http.lua.
$(B)/httpload: spec/c/httpload.c
	$(CC) $(WARN) $(OPT) $(SAN) -o $@ $< -lpthread
test-c: $(B)/httpload
bench: $(B)/httpload

# ---------------------------------------------------------------------
# Benchmarks

$(B)/bench/fts_insert: bench/c/fts_insert.c $(OBJ) $(GEN) $(B)/obj/sn_image.o
	@mkdir -p $(B)/bench
	$(CC) $(CPPFLAGS) $(WARN) $(OPT) -o $@ $< $(filter $(B)/obj/sn_%.o,$^) $(LIBS)

# Kills writers with SIGKILL at random points, N times, and checks every file.
N ?= 1000
crash-test: all
	$(LUAENV) SINORUS_BUILD=$(B) $(LUA) spec/support/killer.lua $(N)

$(B)/bench/baseline: bench/c/baseline.c $(OBJ) $(GEN) $(B)/obj/sn_image.o
	@mkdir -p $(B)/bench
	$(CC) $(CPPFLAGS) $(WARN) $(OPT) -o $@ $< $(filter $(B)/obj/sn_%.o,$^) $(LIBS)

# Every bench/*.lua but the modules they share.
BENCHES   := $(filter-out bench/lib.lua bench/simlua.lua bench/docs_corpus.lua,$(sort $(wildcard bench/*.lua)))

bench: all $(B)/bench/baseline $(B)/bench/fts_insert
	@for b in $(BENCHES); do echo "== $$b"; \
	  $(LUAENV) SINORUS_BUILD=$(B) $(LUA) $$b || exit 1; done

# Our sentences against ICU's sentence break iterator, on the language
# corpus and the article (doc/languages.md reports the differences).
ICU_LIBS ?= $(shell pkg-config --libs icu-uc icu-i18n 2>/dev/null || echo -licui18n -licuuc -licudata)
$(B)/icu_compare: tools/icu_compare.c $(OBJ) $(GEN) $(B)/obj/sn_image.o
	$(CC) $(CPPFLAGS) $(WARN) $(OPT) -o $@ $< $(filter $(B)/obj/sn_%.o,$^) $(LIBS) $(ICU_LIBS)
icu-compare: $(B)/icu_compare
	./$(B)/icu_compare zh@ss=standard spec/fixtures/lang/zh.txt
	./$(B)/icu_compare ru@ss=standard spec/fixtures/lang/ru.txt
	./$(B)/icu_compare en@ss=standard spec/fixtures/lang/en.txt spec/fixtures/lang/mixed.txt $(ARTICLE)

# The import alone at 1,000 MB, one round (too slow for `make bench`).
bench-import-1g: all $(B)/bench/fts_insert
	$(LUAENV) SINORUS_BUILD=$(B) SINORUS_BENCH_MB=1000 SINORUS_BENCH_ROUNDS=1 \
	  SINORUS_BENCH_IMPORT_ONLY=1 nice -n 19 $(LUA) bench/author.lua

lint:
	luacheck lua bin tools spec bench examples

LUA_DIR   ?= $(PREFIX)/share/lua/5.4
CLUA_DIR  ?= $(PREFIX)/lib/lua/5.4
BIN_DIR   ?= $(PREFIX)/bin

# The version, for sinorus.pc: one owner, include/sinorus.h.
VERSION   := $(shell sed -n 's/^\#define SINORUS_VERSION "\(.*\)"/\1/p' include/sinorus.h)

# The man page and the shell completions, generated from the command's
# argument parser (--help, --completion) and lua/sinorus/doc.lua (help()).
MAN_PAGE   = $(B)/man/sinorus.1
COMPLETION = $(B)/completion/sinorus.bash $(B)/completion/_sinorus
$(MAN_PAGE): bin/sinorus tools/genman.lua lua/sinorus/doc.lua $(B)/sinorus/core.so
	@mkdir -p $(B)/man
	$(LUAENV) $(LUA) tools/genman.lua '$(LUA) bin/sinorus' $@
$(B)/completion/sinorus.bash: bin/sinorus $(B)/sinorus/core.so
	@mkdir -p $(B)/completion
	$(LUAENV) $(LUA) bin/sinorus --completion bash > $@.tmp && mv $@.tmp $@
$(B)/completion/_sinorus: bin/sinorus $(B)/sinorus/core.so
	@mkdir -p $(B)/completion
	$(LUAENV) $(LUA) bin/sinorus --completion zsh > $@.tmp && mv $@.tmp $@

# The installed command finds its own modules: make install writes the
# install paths (without DESTDIR) into its INSTALL_PATHS line.
install: all $(MAN_PAGE) $(COMPLETION)
	install -d $(DESTDIR)$(LUA_DIR)/sinorus $(DESTDIR)$(CLUA_DIR)/sinorus \
	  $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(BIN_DIR) \
	  $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/bash-completion/completions \
	  $(DESTDIR)$(PREFIX)/share/zsh/site-functions
	install -m 644 $(MAN_PAGE) $(DESTDIR)$(PREFIX)/share/man/man1/sinorus.1
	install -m 644 $(B)/completion/sinorus.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/sinorus
	install -m 644 $(B)/completion/_sinorus $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_sinorus
	for f in $(LUA_SRC); do install -m 644 $$f $(DESTDIR)$(LUA_DIR)/sinorus/; done
	install -m 755 $(B)/sinorus/core.so $(DESTDIR)$(CLUA_DIR)/sinorus/core.so
	install -m 644 $(B)/libsinorus.a $(DESTDIR)$(PREFIX)/lib/libsinorus.a
	install -m 755 $(B)/sinorus_sqlite.so $(DESTDIR)$(PREFIX)/lib/sinorus_sqlite.so
	sed -e 's|@INCLUDEDIR@|$(PREFIX)/include|' -e 's|@VERSION@|$(VERSION)|' \
	  -e 's|@LIBS@|$(LIBS)|' sinorus.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/sinorus.pc
	install -m 644 include/sinorus.h include/sinorus_graph.h include/sinorus_score.h include/lsinorus.h $(DESTDIR)$(PREFIX)/include/
	sed 's|^local INSTALL_PATHS = nil$$|local INSTALL_PATHS = { "$(LUA_DIR)/?.lua;$(LUA_DIR)/?/init.lua", "$(CLUA_DIR)/?.so" }|' \
	  bin/sinorus > $(DESTDIR)$(BIN_DIR)/sinorus.tmp
	grep -q '^local INSTALL_PATHS = {' $(DESTDIR)$(BIN_DIR)/sinorus.tmp
	chmod 755 $(DESTDIR)$(BIN_DIR)/sinorus.tmp
	mv $(DESTDIR)$(BIN_DIR)/sinorus.tmp $(DESTDIR)$(BIN_DIR)/sinorus

uninstall:
	rm -rf $(DESTDIR)$(LUA_DIR)/sinorus $(DESTDIR)$(CLUA_DIR)/sinorus
	rm -f $(DESTDIR)$(PREFIX)/lib/libsinorus.a $(DESTDIR)$(PREFIX)/lib/sinorus_sqlite.so \
	  $(DESTDIR)$(BIN_DIR)/sinorus \
	  $(DESTDIR)$(PREFIX)/lib/pkgconfig/sinorus.pc $(DESTDIR)$(PREFIX)/share/man/man1/sinorus.1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions/sinorus \
	  $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_sinorus \
	  $(DESTDIR)$(PREFIX)/include/sinorus.h $(DESTDIR)$(PREFIX)/include/sinorus_graph.h $(DESTDIR)$(PREFIX)/include/sinorus_score.h $(DESTDIR)$(PREFIX)/include/lsinorus.h

clean:
	rm -rf build build-asan build-cov build-fuzz

# The allocation-failure suite: check-alloc, check-alloc-asan (run by check-asan).
include spec/c/allocfail.mk

# libFuzzer harnesses: make fuzz [FUZZ_TIME=s]; make fuzz-replay (run by test).
include fuzz/Makefile.inc

# Branch coverage of csrc/*.c over the whole suite (report in build-cov/).
coverage:
	sh tools/coverage.sh build-cov

# The README's pictures of the HTML reader: each view in headless chromium.
.PHONY: screenshots
screenshots: all spec/browser/node_modules/.package-lock.json
	rm -rf $(B)/site && mkdir -p $(B)/site doc/img
	$(LUAENV) SINORUS_BUILD=$(B) $(LUA) bin/sinorus html $(B)/site
	cd spec/browser && node observe.js $(CURDIR)/$(B)/site screenshots.json $(CURDIR)/doc/img > /dev/null
