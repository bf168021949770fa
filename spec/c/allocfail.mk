# spec/c/allocfail.mk: the allocation-failure suite (spec/c/allocfail.c).
# Included by the Makefile:   include spec/c/allocfail.mk
#
#   make check-alloc              quick: failure points 1..40, then every 25th
#                                 (about a minute)
#   make check-alloc ALLOC_STEP=1 full: every failure point of every operation
#                                 (about 300,000 runs; 15-30 minutes)
#   make check-alloc ALLOC_OPS=search,kwic    only those operations
#   make check-alloc-asan         under ASan + UBSan, points 1..40 then every
#                                 100th (ALLOC_ASAN_STEP); check-asan runs it
#
# The test host links libsinorus.a with --wrap so that the C core's own
# malloc family shares the failure counter with Lua's and SQLite's
# allocators (see the comment at the top of allocfail.c).

ALLOC_STEP  ?= 25
ALLOC_ASAN_STEP ?= 100
ALLOC_DENSE ?= 40
ALLOC_OPS   ?=
ALLOC_WRAP  := -Wl,--wrap=malloc -Wl,--wrap=calloc -Wl,--wrap=realloc \
               -Wl,--wrap=free

.PHONY: check-alloc check-alloc-asan

$(B)/test/allocfail: spec/c/allocfail.c $(B)/libsinorus.a include/lsinorus.h \
                     include/sinorus.h
	@mkdir -p $(B)/test
	$(CC) $(WARN) $(OPT) $(SAN) -Iinclude $(LUA_CFLAGS) -o $@ $< \
	  $(ALLOC_WRAP) $(B)/libsinorus.a $(LUA_LIBS) -lsqlite3 -lzip -lstemmer -lm

check-alloc: $(B)/test/allocfail
	SN_ALLOC_STEP=$(ALLOC_STEP) SN_ALLOC_DENSE=$(ALLOC_DENSE) \
	  SN_ALLOC_OPS='$(ALLOC_OPS)' ./$(B)/test/allocfail

# Under the sanitizers. The library is built as check-asan builds it (the
# same flags, so neither rebuilds the other's objects); the host links the
# ASan runtime statically: it is a program, not a module in lua5.4.
ALLOC_ASAN_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all
check-alloc-asan:
	$(MAKE) B=build-asan CC=$(ASAN_CC) OPT='-O1 -g -fno-omit-frame-pointer' \
	  SAN='$(ALLOC_ASAN_SAN) -shared-libasan' \
	  LUA_RUN='env $(ASAN_ENV) $(LUA)' all
	$(MAKE) B=build-asan CC=$(ASAN_CC) OPT='-O1 -g -fno-omit-frame-pointer' \
	  SAN='$(ALLOC_ASAN_SAN)' build-asan/test/allocfail
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  SN_ALLOC_STEP=$(ALLOC_ASAN_STEP) SN_ALLOC_DENSE=$(ALLOC_DENSE) \
	  SN_ALLOC_OPS='$(ALLOC_OPS)' ./build-asan/test/allocfail

check-asan: check-alloc-asan
