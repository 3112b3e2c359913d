// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6ctl's output: each field is one call, which writes it as text (its
 * printf format) or as a JSON member (its key), as -j says.
 */
#include <ctype.h>
#include <inttypes.h>

#include "ndpv6ctl.h"

bool json;
FILE *out;

/* No comma is due before the next JSON member or element. */
static bool first = true;

/* A new JSON document (a dump, or one object). */
void print_start(void)
{
	first = true;
}

/* The end of a document: JSON ends with a newline, text has its own. */
void print_end(void)
{
	if (json)
		fputc('\n', out);
}

static void sep(void)
{
	if (!first)
		fputc(',', out);
	first = false;
}

static void jstr(const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

/* The JSON member's name (none in an array), and the separator before. */
static void jkey(const char *key)
{
	sep();
	if (key) {
		jstr(key);
		fputc(':', out);
	}
}

/* JSON: an object, named KEY inside another; text: TEXT if any. */
void open_object(const char *key, const char *text)
{
	if (!json) {
		if (text)
			fputs(text, out);
		return;
	}
	jkey(key);
	fputc('{', out);
	first = true;
}

void close_object(void)
{
	if (!json)
		return;
	fputc('}', out);
	first = false;
}

/* A JSON array (text shows its elements one a line, no brackets). */
void open_array(const char *key)
{
	if (!json)
		return;
	jkey(key);
	fputc('[', out);
	first = true;
}

void close_array(void)
{
	if (!json)
		return;
	fputc(']', out);
	first = false;
}

/* Whether a field of mode M is printed in the current mode. */
static bool shown(enum print_mode m)
{
	return m == PRINT_ANY || (m == PRINT_JSON) == json;
}

/* A string: text as FMT (with one %s), JSON as "KEY":"V". */
void print_str(enum print_mode m, const char *key, const char *fmt,
	       const char *v)
{
	if (!shown(m))
		return;
	if (json) {
		jkey(key);
		jstr(v);
	} else {
		fprintf(out, fmt, v);
	}
}

/* A number: text as FMT (with one %PRIu64), JSON as "KEY":V. */
void print_u64(enum print_mode m, const char *key, const char *fmt,
	       uint64_t v)
{
	if (!shown(m))
		return;
	if (json) {
		jkey(key);
		fprintf(out, "%" PRIu64, v);
	} else {
		fprintf(out, fmt, v);
	}
}

/* A flag: JSON true or false; text ON or OFF as they are (NULL: none). */
void print_bool(const char *key, const char *on, const char *off, bool v)
{
	if (json) {
		jkey(key);
		fputs(v ? "true" : "false", out);
	} else if (v ? on : off) {
		fputs(v ? on : off, out);
	}
}

/* A lifetime in seconds: text " KEY 30sec" or " KEY forever". */
void print_lft(const char *key, uint64_t v)
{
	if (json) {
		jkey(key);
		fprintf(out, "%" PRIu64, v);
	} else if (v == 0xffffffffU) {
		fprintf(out, " %s forever", key);
	} else {
		fprintf(out, " %s %" PRIu64 "sec", key, v);
	}
}

/* A state name: text " NAME" in capitals (as `ip neigh`), JSON as is. */
void print_upper(const char *key, const char *v)
{
	if (json) {
		jkey(key);
		jstr(v);
		return;
	}
	fputc(' ', out);
	for (; *v; v++)
		fputc(toupper((unsigned char)*v), out);
}

/* A row of a key-value table (params, stats): text "    KEY  V\n". */
void print_row_u64(const char *key, uint64_t v)
{
	if (json) {
		jkey(key);
		fprintf(out, "%" PRIu64, v);
	} else {
		fprintf(out, "    %-24s %" PRIu64 "\n", key, v);
	}
}

void print_row_bool(const char *key, bool v)
{
	if (json) {
		jkey(key);
		fputs(v ? "true" : "false", out);
	} else {
		fprintf(out, "    %-24s %s\n", key, v ? "yes" : "no");
	}
}

void print_row_str(const char *key, const char *v)
{
	if (json) {
		jkey(key);
		fprintf(out, "\"%s\"", v);
	} else {
		fprintf(out, "    %-24s %s\n", key, v);
	}
}

/* The end of a text line (JSON lines are ended by print_end()). */
void print_nl(void)
{
	if (!json)
		fputc('\n', out);
}
