# dostyk - build, test, evaluate, benchmark, install.
#
#   make            build/dostyk and build/libdostyk.a
#   make test       every test (unit, golden, end-to-end)
#   make asan       the tests again under AddressSanitizer + UBSan
#   make fuzz       libFuzzer targets (FUZZ_SECONDS each)
#   make eval       the shared scorers, checked against eval/floors
#   make bench      speed and memory, with the peers on the same text
#   make install    PREFIX=/usr/local DESTDIR=
#
# BUILD names the output folder, so several builds can live side by side.

BUILD   ?= build
CC      ?= cc
PREFIX  ?= /usr/local
DESTDIR ?=
OPT     ?= -O2
CFLAGS  ?= $(OPT) -g
WARN     = -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Wshadow -Wvla \
           -Wstrict-prototypes -Wmissing-prototypes
CPPFLAGS += -Iinclude -I$(BUILD)/gen -Isrc/recognise \
            -DDK_PACKDIR='"$(PREFIX)/share/dostyk/packs"'
LDLIBS  += -ljansson -lgumbo -lsqlite3 -lmicrohttpd -lpthread -lm

LIB_SRC  := $(sort $(filter-out src/cli/%,$(wildcard src/*/*.c)))
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
DATA     := $(sort $(wildcard data/en/*.tsv))
GEN      := $(BUILD)/gen/lexicon_data.c
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/lexicon_data.o \
            $(BUILD)/obj/gen/assets_data.o
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
LEXGEN   := $(BUILD)/tools/lexgen

.PHONY: all test unit asan fuzz eval bench install uninstall clean check-deps

all: $(BUILD)/dostyk $(BUILD)/libdostyk.a

$(BUILD)/dostyk: $(CLI_OBJ) $(BUILD)/libdostyk.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libdostyk.a $(LDLIBS)

$(BUILD)/libdostyk.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $(LIB_OBJ)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/obj/gen/lexicon_data.o: $(GEN)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -c -o $@ $<

# The lexicon generator is built with the host compiler, no sanitizers.
$(LEXGEN): tools/lexgen.c src/text/token.c src/text/utf8.c \
           src/recognise/lexkey.c src/recognise/lexicon.h src/text/token.h \
           src/recognise/lexhash.h src/text/tokscan.h src/text/chars.h
	@mkdir -p $(dir $@)
	cc -std=c11 -D_GNU_SOURCE -O1 -Wall -Wextra -Werror -Iinclude \
	   -o $@ tools/lexgen.c src/text/token.c src/text/utf8.c \
	   src/recognise/lexkey.c

$(GEN): $(LEXGEN) $(DATA)
	@mkdir -p $(dir $@)
	$(LEXGEN) $@ $(DATA)

# The web page of `dostyk serve`, built into the binary: web/ and the chart
# library's dist files (npm package uplot, fetched by `npm ci` only when
# web/node_modules is missing, so later builds need no network).
EMBED    := $(BUILD)/tools/embed
WEB_LIB  := web/node_modules/uplot/dist/uPlot.iife.min.js \
            web/node_modules/uplot/dist/uPlot.min.css
WEB_SRC  := web/index.html web/app.js web/style.css

WEB_NPM  := web/node_modules/.package-lock.json

$(WEB_NPM): | web/package.json web/package-lock.json
	npm ci --prefix web --no-audit --no-fund

$(WEB_LIB): | $(WEB_NPM)

$(EMBED): tools/embed.c
	@mkdir -p $(dir $@)
	cc -std=c11 -D_GNU_SOURCE -O1 -Wall -Wextra -Werror -o $@ tools/embed.c

$(BUILD)/gen/assets_data.c: $(EMBED) $(WEB_SRC) $(WEB_LIB)
	@mkdir -p $(dir $@)
	$(EMBED) $@ /=web/index.html /assets/app.js=web/app.js \
	  /assets/style.css=web/style.css \
	  /assets/uPlot.iife.min.js=web/node_modules/uplot/dist/uPlot.iife.min.js \
	  /assets/uPlot.min.css=web/node_modules/uplot/dist/uPlot.min.css

$(BUILD)/obj/gen/assets_data.o: $(BUILD)/gen/assets_data.c src/serve/assets.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Isrc $(WARN) $(CFLAGS) -c -o $@ $<

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)

# ---------------------------------------------------------------- tests
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libdostyk.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Isrc $(WARN) -Wno-missing-prototypes $(CFLAGS) \
	   -o $@ $< $(BUILD)/libdostyk.a $(LDLIBS) -lcmocka

unit: $(UNIT_BIN)

test: all unit
	@BUILD=$(BUILD) sh tests/run.sh

asan:
	$(MAKE) BUILD=build-asan CC=clang \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	  LDFLAGS="-fsanitize=address,undefined" test

FUZZ_SECONDS ?= 60
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
fuzz:
	$(MAKE) BUILD=build-fuzz CC=clang \
	  CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" \
	  $(FUZZ_SRC:tests/fuzz/%.c=build-fuzz/fuzz/%)
	@for f in $(FUZZ_SRC:tests/fuzz/%.c=%); do \
	  mkdir -p build-fuzz/corpus/$$f; \
	  echo "fuzz: $$f for $(FUZZ_SECONDS)s"; \
	  build-fuzz/fuzz/$$f -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=1024 \
	    build-fuzz/corpus/$$f tests/fuzz/seeds/$$f >build-fuzz/$$f.log 2>&1 \
	    || { tail -40 build-fuzz/$$f.log; exit 1; }; \
	  tail -1 build-fuzz/$$f.log; \
	done

$(BUILD)/fuzz/%: tests/fuzz/%.c $(BUILD)/libdostyk.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Isrc $(WARN) -Wno-missing-prototypes $(CFLAGS) \
	  -fsanitize=fuzzer,address,undefined -o $@ $< $(BUILD)/libdostyk.a $(LDLIBS)

eval: all
	@sh eval/run.sh

bench: all $(BUILD)/bench_extract
	@BUILD=$(BUILD) sh bench/run.sh

# engine-only micro-benchmark through the public API (bench/README.md)
$(BUILD)/bench_extract: bench/bench_extract.c $(BUILD)/libdostyk.a
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -o $@ $< $(BUILD)/libdostyk.a $(LDLIBS)

# ---------------------------------------------------------------- install
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib \
	  $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BUILD)/dostyk $(DESTDIR)$(PREFIX)/bin/dostyk
	install -m 644 $(BUILD)/libdostyk.a $(DESTDIR)$(PREFIX)/lib/libdostyk.a
	install -m 644 include/dostyk.h $(DESTDIR)$(PREFIX)/include/dostyk.h
	install -m 644 docs/dostyk.1 $(DESTDIR)$(PREFIX)/share/man/man1/dostyk.1
	for d in packs/*/; do \
	  p=$$(basename $$d); \
	  install -d $(DESTDIR)$(PREFIX)/share/dostyk/packs/$$p; \
	  install -m 644 $$d*.tsv $(DESTDIR)$(PREFIX)/share/dostyk/packs/$$p/; \
	done

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/dostyk $(DESTDIR)$(PREFIX)/lib/libdostyk.a \
	  $(DESTDIR)$(PREFIX)/include/dostyk.h \
	  $(DESTDIR)$(PREFIX)/share/man/man1/dostyk.1
	rm -rf $(DESTDIR)$(PREFIX)/share/dostyk/packs

clean:
	rm -rf $(BUILD) build-asan build-fuzz
