/* timestamps.c: the table of timestamp formats, and name lookup for -t. */
#include <stdio.h>
#include <string.h>

#include "suara.h"
#include "export/timestamps.h"

const ts_format *const ts_formats_table[] = {
	&ts_json_format,
	&ts_vtt_format,
	&ts_vtt_chapters_format,
	&ts_srt_format,
	&ts_aud_format,
	&ts_cue_format,
	&ts_html_format,
};
const size_t ts_format_count = sizeof ts_formats_table / sizeof ts_formats_table[0];

unsigned suara_timestamps_parse(const char *list, char *bad, size_t badlen)
{
	unsigned bits = 0;
	const char *p = list;
	while (*p) {
		size_t n = strcspn(p, ","), i;
		for (i = 0; i < ts_format_count; i++)
			if (strlen(ts_formats_table[i]->name) == n && strncmp(p, ts_formats_table[i]->name, n) == 0)
				break;
		if (i == ts_format_count) {
			if (bad && badlen)
				snprintf(bad, badlen, "%.*s", (int)n, p);
			return 0;
		}
		bits |= ts_formats_table[i]->bit;
		p += n + (p[n] == ',');
	}
	if (!bits && bad && badlen)
		snprintf(bad, badlen, "%s", list);
	return bits;
}

const char *suara_timestamps_name(size_t i)
{
	return i < ts_format_count ? ts_formats_table[i]->name : NULL;
}
