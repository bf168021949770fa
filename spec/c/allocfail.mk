# spec/c/allocfail.mk: the allocation-failure suite (spec/c/allocfail.c).
# Included by the Makefile:   include spec/c/allocfail.mk
#
#   make check-alloc              quick: failure points 1..40, then every 7th
#   make check-alloc ALLOC_STEP=1 full: every failure point of every operation
#   make check-alloc ALLOC_OPS=search,kwic    only those operations
#   make check-alloc-asan         the same under ASan + UBSan (quick by
#                                 default); check-asan runs it too
#
# The test host links libsinorus.a with --wrap so that the C core's own
# malloc family shares the failure counter with Lua's and SQLite's
# allocators (see the comment at the top of allocfail.c).

ALLOC_STEP  ?= 7
ALLOC_DENSE ?= 40
ALLOC_OPS   ?=
ALLOC_WRAP  := -Wl,--wrap=malloc -Wl,--wrap=calloc -Wl,--wrap=realloc \
               -Wl,--wrap=free

.PHONY: check-alloc check-alloc-asan

$(B)/test/allocfail: spec/c/allocfail.c $(B)/libsinorus.a include/lsinorus.h \
                     include/sinorus.h
	@mkdir -p $(B)/test
	$(CC) $(WARN) $(OPT) $(SAN) -Iinclude $(LUA_CFLAGS) -o $@ $< \
	  $(ALLOC_WRAP) $(B)/libsinorus.a $(LUA_LIBS) -lsqlite3 -lzip -lm

check-alloc: $(B)/test/allocfail
	SN_ALLOC_STEP=$(ALLOC_STEP) SN_ALLOC_DENSE=$(ALLOC_DENSE) \
	  SN_ALLOC_OPS='$(ALLOC_OPS)' ./$(B)/test/allocfail

# Under the sanitizers (the ASan runtime is linked in statically: the
# host is a program, not a module loaded by an uninstrumented lua5.4).
check-alloc-asan:
	$(MAKE) B=build-asan CC=$(ASAN_CC) OPT='-O1 -g -fno-omit-frame-pointer' \
	  SAN='-fsanitize=address,undefined -fno-sanitize-recover=all' \
	  build-asan/test/allocfail
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  SN_ALLOC_STEP=$(ALLOC_STEP) SN_ALLOC_DENSE=$(ALLOC_DENSE) \
	  SN_ALLOC_OPS='$(ALLOC_OPS)' ./build-asan/test/allocfail

check-asan: check-alloc-asan
