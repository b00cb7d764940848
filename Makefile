# suara: Indonesian text to speech with exact timestamps.
# One plain, non-recursive Makefile. `make V=1` shows commands;
# `make SANITIZE=address,undefined check` runs the tests under sanitizers.

CC      ?= cc
PKGS    := espeak-ng sndfile libutf8proc
TESTPKGS:= jansson
# pkg-config name -> Debian package that provides it (for `make deps`).
DEB_espeak-ng   := libespeak-ng-dev espeak-ng-data
DEB_sndfile     := libsndfile1-dev
DEB_libutf8proc := libutf8proc-dev
# hunspell-id: the Indonesian stems the pronunciation's affix grammar reads.
HUNSPELL_ID     := /usr/share/hunspell/id_ID.dic
# hunspell-en-us: the English words said with an English voice.
HUNSPELL_EN     := /usr/share/hunspell/en_US.dic
DEB_jansson     := libjansson-dev

VERSION := $(shell sed -n 's/^\#define SUARA_VERSION "\(.*\)"/\1/p' include/suara.h)
SOMAJOR := 0

# CFLAGS, CPPFLAGS and LDFLAGS are the user's (make CFLAGS=-O0 is fine);
# what suara needs whatever they say is SU_CFLAGS and SU_LDFLAGS.
CFLAGS  ?= -O2 -g
SU_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Wpedantic -Wshadow \
           -Wstrict-prototypes -Werror=implicit-function-declaration \
           -fPIC -fvisibility=hidden -Iinclude -Isrc
SU_LDFLAGS :=
ifneq ($(SANITIZE),)
SU_CFLAGS  += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
SU_LDFLAGS += -fsanitize=$(SANITIZE)
B       := build/san
else
B       := build/rel
endif
COMPILE = $(CC) $(SU_CFLAGS) $(CPPFLAGS) $(CFLAGS)
LINK    = $(CC) $(SU_LDFLAGS) $(LDFLAGS)

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
TEST_CFLAGS= $(shell pkg-config --cflags $(TESTPKGS) 2>/dev/null)
TEST_LIBS  = $(shell pkg-config --libs $(TESTPKGS) 2>/dev/null)

# One folder per layer (docs/architecture.md); the program is src/cli/.
CLI_SRC  := $(wildcard src/cli/*.c)
CLI_OBJ  := $(CLI_SRC:src/%.c=$(B)/%.o)
LIB_SRC  := $(filter-out $(CLI_SRC),$(wildcard src/*/*.c))
LIB_OBJ  := $(LIB_SRC:src/%.c=$(B)/%.o)
TEST_SRC := $(wildcard tests/*.c)
TEST_OBJ := $(TEST_SRC:tests/%.c=$(B)/tests/%.o)

ifeq ($(V),1)
Q :=
else
Q := @
endif

.PHONY: all deps test-deps demo check test bench clean install uninstall fuzz
all: suara

# Install what pkg-config cannot find (Debian, as root). Also the tools the
# tests and the benchmark drive: the espeak-ng program (bench only), sox and
# script(1).
deps:
	@missing=""; for p in $(PKGS) $(TESTPKGS); do \
	  pkg-config --exists $$p || missing="$$missing $$p"; done; \
	debs=""; for p in $$missing; do case $$p in \
	  espeak-ng) debs="$$debs $(DEB_espeak-ng)";; \
	  sndfile) debs="$$debs $(DEB_sndfile)";; \
	  libutf8proc) debs="$$debs $(DEB_libutf8proc)";; \
	  jansson) debs="$$debs $(DEB_jansson)";; esac; done; \
	[ -f $(HUNSPELL_ID) ] || debs="$$debs hunspell-id"; \
	[ -f $(HUNSPELL_EN) ] || debs="$$debs hunspell-en-us"; \
	command -v pkg-config >/dev/null || debs="pkg-config $$debs"; \
	command -v $(CC) >/dev/null || debs="build-essential $$debs"; \
	if [ -n "$$debs" ]; then \
	  echo "installing:$$debs"; \
	  if [ "$$(id -u)" != 0 ]; then echo "suara: run as root, or install:$$debs" >&2; exit 1; fi; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$debs >/dev/null; \
	fi

$(B)/.deps-ok: | deps
	@mkdir -p $(B) && touch $@

# What only the tests need: sox (reads the WAVs back), script(1), man(1),
# the browser test's Chromium and playwright-core.
test-deps: | deps
	@command -v sox >/dev/null || { echo "installing: sox"; apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sox >/dev/null; }
	@[ -x /usr/bin/script ] || { echo "installing: bsdutils (script, a terminal for the progress test)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bsdutils >/dev/null; }
	@command -v man >/dev/null || { echo "installing: man-db (man -l reads the installed manual page)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq man-db >/dev/null; }
	@if [ -f tests/browser/setup.sh ]; then sh tests/browser/setup.sh; fi

# ./suara is the release build; a sanitizer build stays in build/san.
.PHONY: suara
ifeq ($(SANITIZE),)
suara: $(B)/suara
	$(Q)ln -sf $(B)/suara suara
else
suara: $(B)/suara
endif

$(B)/suara: $(CLI_OBJ) $(B)/libsuara.a
	@echo "  LD      $@"
	$(Q)$(LINK) -o $@ $^ $(PKG_LIBS)

# The static library is one relocatable object in which only the public
# API (SUARA_API in suara.h) stays global: the internal symbols are made
# local, so they cannot clash with a program's own.
$(B)/libsuara.a: $(LIB_OBJ)
	@echo "  AR      $@"
	$(Q)$(LD) -r -o $(B)/libsuara.o $^ && objcopy --localize-hidden $(B)/libsuara.o && \
	  rm -f $@ && ar rcs $@ $(B)/libsuara.o

$(B)/libsuara.so.$(VERSION): $(LIB_OBJ)
	@echo "  LD      $@"
	$(Q)$(LINK) -shared -Wl,-soname,libsuara.so.$(SOMAJOR) -o $@ $^ $(PKG_LIBS)

$(B)/%.o: src/%.c | $(B)/.deps-ok
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(COMPILE) $(PKG_CFLAGS) -MMD -MP -c -o $@ $<

$(B)/tests/%.o: tests/%.c | $(B)/.deps-ok
	@mkdir -p $(B)/tests
	@echo "  CC      $<"
	$(Q)$(COMPILE) $(PKG_CFLAGS) $(TEST_CFLAGS) -MMD -MP -c -o $@ $<

# The tests reach inside the library (and the program's plan): they link
# its objects, not the archive whose internals are local.
$(B)/test-suara: $(TEST_OBJ) $(LIB_OBJ) $(B)/cli/cli_plan.o
	@echo "  LD      $@"
	$(Q)$(LINK) -o $@ $^ $(PKG_LIBS) $(TEST_LIBS)

demo: suara
	./suara -o out/ voices/id/sample.txt
	@echo "wrote out/sample.wav and out/sample.json"

check test: suara $(B)/test-suara $(B)/header-check.o $(B)/libsuara.so.$(VERSION) | test-deps
	$(Q)SUARA=$(B)/suara SUARA_BUILD=$(B) $(B)/test-suara

$(B)/bench-text: tests/bench/text.c $(LIB_OBJ)
	@echo "  LD      $@"
	$(Q)$(COMPILE) $(PKG_CFLAGS) $(SU_LDFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

bench: suara $(B)/bench-text
	$(Q)SUARA=$(B)/suara BENCH_TEXT=$(B)/bench-text sh tests/bench.sh

# The public header must compile alone.
$(B)/header-check.o: include/suara.h | $(B)/.deps-ok
	$(Q)echo '#include "suara.h"' | $(COMPILE) -x c -c -o $@ -

# Fuzz the text front end (libFuzzer, clang) for FUZZ_SECONDS (default 60).
FUZZ_SECONDS ?= 60
FUZZ_SRC := $(wildcard src/base/*.c src/text/*.c src/pron/*.c src/engine/*.c)
fuzz: | $(B)/.deps-ok
	@command -v clang >/dev/null || apt-get install -y -qq clang >/dev/null
	clang -std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 -fsanitize=fuzzer,address,undefined \
	  -Iinclude -Isrc $(PKG_CFLAGS) -o build/fuzz-text tests/fuzz/fuzz_text.c $(FUZZ_SRC) $(PKG_LIBS)
	mkdir -p build/fuzz-corpus && cp tests/data/*.txt voices/id/sample.txt build/fuzz-corpus/
	build/fuzz-text -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -timeout=10 -artifact_prefix=build/ build/fuzz-corpus

# make install [PREFIX=/usr/local] [DESTDIR=...]: the program, the
# library (shared, with its soname, and static), the header, suara.pc,
# the voice data and the manual page; make uninstall removes them.
PREFIX ?= /usr/local
bindir  = $(PREFIX)/bin
libdir  = $(PREFIX)/lib
incdir  = $(PREFIX)/include
datadir = $(PREFIX)/share/suara
mandir  = $(PREFIX)/share/man/man1
install: suara $(B)/libsuara.a $(B)/libsuara.so.$(VERSION)
	install -d $(DESTDIR)$(bindir) $(DESTDIR)$(libdir)/pkgconfig $(DESTDIR)$(incdir) \
	  $(DESTDIR)$(datadir)/voices/id $(DESTDIR)$(mandir)
	install -m 755 $(B)/suara $(DESTDIR)$(bindir)/suara
	install -m 644 $(B)/libsuara.a $(DESTDIR)$(libdir)/libsuara.a
	install -m 755 $(B)/libsuara.so.$(VERSION) $(DESTDIR)$(libdir)/libsuara.so.$(VERSION)
	ln -sf libsuara.so.$(VERSION) $(DESTDIR)$(libdir)/libsuara.so.$(SOMAJOR)
	ln -sf libsuara.so.$(SOMAJOR) $(DESTDIR)$(libdir)/libsuara.so
	install -m 644 include/suara.h $(DESTDIR)$(incdir)/suara.h
	sed -e 's|@PREFIX@|$(PREFIX)|; s|@VERSION@|$(VERSION)|; s|@PKGS@|$(PKGS)|' docs/suara.pc.in \
	  > $(DESTDIR)$(libdir)/pkgconfig/suara.pc
	install -m 644 voices/id/* $(DESTDIR)$(datadir)/voices/id/
	install -m 644 docs/suara.1 $(DESTDIR)$(mandir)/suara.1

uninstall:
	rm -f $(DESTDIR)$(bindir)/suara $(DESTDIR)$(libdir)/libsuara.a \
	  $(DESTDIR)$(libdir)/libsuara.so.$(VERSION) $(DESTDIR)$(libdir)/libsuara.so.$(SOMAJOR) \
	  $(DESTDIR)$(libdir)/libsuara.so $(DESTDIR)$(libdir)/pkgconfig/suara.pc \
	  $(DESTDIR)$(incdir)/suara.h $(DESTDIR)$(mandir)/suara.1
	rm -rf $(DESTDIR)$(datadir)

clean:
	rm -rf build suara

-include $(LIB_OBJ:.o=.d) $(TEST_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
