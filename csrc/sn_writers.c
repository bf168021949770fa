/*
** sn_writers.c: escaping, graph writers (DOT, GraphML, GEXF, JSON),
** atomic file writes, deterministic GUIDs and REFI-QDA projects.
**
** Every writer emits through a sinorus_writer callback, in a fixed
** order, and replaces bytes that are not valid UTF-8 by U+FFFD, so its
** output is well-formed and the same for the same input.
*/
#define _POSIX_C_SOURCE 200809L
#define _XOPEN_SOURCE 700

#include <dirent.h>
#include <errno.h>
#include <float.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>


#include "sinorus_graph.h"
#include "sn_internal.h"
#include "sn_libs.h"

static uint64_t mix64(uint64_t z);

#define REPLACEMENT "\xEF\xBF\xBD"   /* U+FFFD in UTF-8 */

/*
** The length of the valid UTF-8 sequence at s[i] (s has len bytes), or
** 0 if the bytes there are not valid UTF-8 (overlong forms, surrogates
** and code points above U+10FFFF included). *cp gets the code point.
*/
static size_t utf8_seq (const unsigned char *s, size_t len, size_t i,
                        unsigned long *cp) {
  unsigned c = s[i];
  size_t n, k;
  unsigned long v, min;
  if (c < 0x80) { *cp = c; return 1; }
  else if (c >= 0xC2 && c <= 0xDF) { n = 2; v = c & 0x1F; min = 0x80; }
  else if (c >= 0xE0 && c <= 0xEF) { n = 3; v = c & 0x0F; min = 0x800; }
  else if (c >= 0xF0 && c <= 0xF4) { n = 4; v = c & 0x07; min = 0x10000; }
  else return 0;
  if (len - i < n) return 0;
  for (k = 1; k < n; k++) {
    unsigned d = s[i + k];
    if ((d & 0xC0) != 0x80) return 0;
    v = (v << 6) | (d & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
  *cp = v;
  return n;
}

#define EMIT(s, n) do { if (w(ud, (s), (n)) != 0) return SINORUS_ERROR; } while (0)
#define EMITS(s) EMIT((s), strlen(s))

/*
** The core of the escapers: copies runs of bytes that need nothing,
** and for each other code point calls esc, which returns the text to
** write instead (NULL: the code point as is; "": nothing). Printable
** ASCII other than " & ' < > \ (PLAIN) is left as it is by every
** escaper, so esc never sees it.
*/
typedef const char *(*sn_escfn)(unsigned long cp, char tmp[16]);

#define PLAIN(c) ((c) >= 0x20 && (c) < 0x7F && (c) != '"' && (c) != '&' && \
                  (c) != '\'' && (c) != '<' && (c) != '>' && (c) != '\\')

static int escape_with (const char *s, size_t len, sn_escfn esc,
                        sinorus_writer w, void *ud) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0, run = 0;
  char tmp[16];
  while (i < len) {
    unsigned long cp;
    size_t n;
    const char *rep;
    if (PLAIN(u[i])) { i++; continue; }
    n = utf8_seq(u, len, i, &cp);
    if (n == 0) rep = REPLACEMENT, n = 1;
    else rep = esc(cp, tmp);
    if (rep == NULL) { i += n; continue; }
    if (i > run) EMIT(s + run, i - run);
    if (*rep) EMITS(rep);
    i += n;
    run = i;
  }
  if (i > run) EMIT(s + run, i - run);
  return SINORUS_OK;
}

static const char *esc_xml (unsigned long cp, char tmp[16]) {
  switch (cp) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&apos;";
    case '\n': return "&#10;";
    case '\r': return "&#13;";
    case '\t': return "&#9;";
    default: break;
  }
  (void)tmp;
  /* not allowed in XML 1.0 at all */
  if (cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF) return "";
  return NULL;
}

static const char *esc_json (unsigned long cp, char tmp[16]) {
  switch (cp) {
    case '"': return "\\\"";
    case '\\': return "\\\\";
    case '\n': return "\\n";
    case '\r': return "\\r";
    case '\t': return "\\t";
    case '\b': return "\\b";
    case '\f': return "\\f";
    default: break;
  }
  if (cp < 0x20 || cp == 0x7F || cp == 0x2028 || cp == 0x2029) {
    snprintf(tmp, 16, "\\u%04lx", cp);
    return tmp;
  }
  return NULL;
}

static const char *esc_dot (unsigned long cp, char tmp[16]) {
  (void)tmp;
  switch (cp) {
    case '"': return "\\\"";
    case '\\': return "\\\\";
    case '\n': return "\\n";
    case '\r': return "";
    default: break;
  }
  if (cp < 0x20 && cp != '\t') return " ";
  return NULL;
}

static const char *esc_none (unsigned long cp, char tmp[16]) {
  (void)tmp;
  return cp == '"' ? "\"\"" : NULL;
}

SINORUS_API int sinorus_escape_xml (const char *s, size_t len,
                                    sinorus_writer w, void *ud) {
  return escape_with(s, len, esc_xml, w, ud);
}

int sn_json_body (const char *s, size_t len,
                  int (*w)(void *, const char *, size_t), void *ud) {
  return escape_with(s, len, esc_json, w, ud);
}

SINORUS_API int sinorus_escape_json (const char *s, size_t len,
                                     sinorus_writer w, void *ud) {
  EMIT("\"", 1);
  if (sn_json_body(s, len, w, ud) != SINORUS_OK) return SINORUS_ERROR;
  EMIT("\"", 1);
  return SINORUS_OK;
}

SINORUS_API int sinorus_escape_dot (const char *s, size_t len,
                                    sinorus_writer w, void *ud) {
  EMIT("\"", 1);
  if (escape_with(s, len, esc_dot, w, ud) != SINORUS_OK) return SINORUS_ERROR;
  EMIT("\"", 1);
  return SINORUS_OK;
}

SINORUS_API int sinorus_escape_csv (const char *s, size_t len,
                                    sinorus_writer w, void *ud) {
  size_t i;
  int quote = len > 0 && (s[0] == ' ' || s[len - 1] == ' ');
  for (i = 0; i < len && !quote; i++)
    if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n') quote = 1;
  if (quote) EMIT("\"", 1);
  if (escape_with(s, len, esc_none, w, ud) != SINORUS_OK) return SINORUS_ERROR;
  if (quote) EMIT("\"", 1);
  return SINORUS_OK;
}


/* ---------------------------------------------------------------------
** Graph writers
** ------------------------------------------------------------------ */

/* The powers of ten a double holds exactly. */
static const double POW10[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14,
  1e15, 1e16, 1e17, 1e18, 1e19
};

/* sn_fmt_num's quick way for the common number, 1e-4 <= |v| < 1e15 with a
** decimal form of at most 15 significant digits that reads back as v (a
** probability, a weight, a score): the fewest fraction digits k for which
** m = round(v * 10^k) has m / 10^k == v. With m below 1e15 the product is
** off by less than 0.2 from the exact one, so m is the nearest integer,
** and m / 10^k is the correctly rounded quotient of two exact doubles:
** the test is exact. The digits are then those %.15g writes (fixed
** notation in that range, trailing zeros dropped). Returns 0 when v is
** outside the way's reach (sn_fmt_num then asks printf). */
static int fmt_short (double v, char buf[40]) {
  double a = v < 0 ? -v : v, m = 0;
  unsigned long long u;
  char digits[24];
  int k, n = 0, i, at = 0;
  if (!(a >= 1e-4 && a < 1e15)) return 0;
  for (k = 0; k < (int)(sizeof POW10 / sizeof POW10[0]); k++) {
    m = nearbyint(a * POW10[k]);
    if (m >= 1e15) return 0;
    if (m / POW10[k] == a) break;
  }
  if (k == (int)(sizeof POW10 / sizeof POW10[0])) return 0;
  for (u = (unsigned long long)m; u != 0 || n <= k; u /= 10)
    digits[n++] = (char)('0' + (int)(u % 10));        /* backwards */
  if (v < 0) buf[at++] = '-';
  for (i = n - 1; i >= 0; i--) {
    buf[at++] = digits[i];
    if (i == k && k > 0) buf[at++] = '.';
  }
  buf[at] = '\0';
  return 1;
}

const char *sn_fmt_num (double v, char buf[40]) {
  int prec;
  char *p;
  if (v != v || v == HUGE_VAL || v == -HUGE_VAL) return strcpy(buf, "null");
  if (fmt_short(v, buf)) return buf;
  for (prec = 15; prec <= 17; prec++) {
    snprintf(buf, 40, "%.*g", prec, v);
    if (strtod(buf, NULL) == v) break;
  }
  for (p = buf; *p; p++)
    if (!(*p >= '0' && *p <= '9') && *p != '-' && *p != '+' && *p != 'e')
      *p = '.';
  return buf;
}

#define fmt_num sn_fmt_num

#define XML(s) do { if (sinorus_escape_xml((s), strlen(s), w, ud)) \
                      return SINORUS_ERROR; } while (0)
#define JSTR(s) do { if (sinorus_escape_json((s), strlen(s), w, ud)) \
                       return SINORUS_ERROR; } while (0)
#define DSTR(s) do { if (sinorus_escape_dot((s), strlen(s), w, ud)) \
                       return SINORUS_ERROR; } while (0)

static const char *node_label (const sinorus_graph_info *in, size_t i) {
  return in->labels && in->labels[i] ? in->labels[i] : in->ids[i];
}

static const char *node_attr (const sinorus_graph_info *in, size_t i, size_t a) {
  return in->attr_values ? in->attr_values[i * in->nattrs + a] : NULL;
}

static const char *edge_type (const sinorus_graph_info *in,
                              const sinorus_edge *e) {
  return e->type >= 0 && in->types ? in->types[e->type] : NULL;
}

/* The sign colours and line styles of a drawing (Okabe & Ito's blue and
** vermillion, with a dash for the negative and dots for the neutral in a
** graph with signed edges, so the sign reads without colour too); the SVG
** charts take theirs from here (core.sign_colour). */
const char *sn_sign_color (int sign) {
  return sign > 0 ? "#0072B2" : sign < 0 ? "#D55E00" : "#777777";
}

static const char *sign_style (int sign, int signed_graph) {
  return sign > 0 || !signed_graph ? "solid" : sign < 0 ? "dashed" : "dotted";
}

/* Nodes up to this many are laid out by neato (stress majorisation);
** larger graphs by sfdp (multiscale force-directed), which scales. */
#define DOT_NEATO_MAX 200

/* The node name of the legend: "legend", with "_" appended while a node
** of the graph has that id. */
static void legend_name (const sinorus_graph_info *in, size_t n, char *buf, size_t size) {
  size_t i, len;
  snprintf(buf, size, "legend");
  for (;;) {
    for (i = 0; i < n; i++)
      if (strcmp(in->ids[i], buf) == 0) break;
    len = strlen(buf);
    if (i == n || len + 2 > size) return;
    buf[len] = '_';
    buf[len + 1] = '\0';
  }
}

/* DOT for Graphviz: the layout engine set in the graph (neato, or sfdp
** past DOT_NEATO_MAX nodes) with overlap removal; each edge's colour and
** style by sign, pen width by weight (1 to 4 points, in proportion to the
** largest |weight|), its type as a tooltip and, when the edges have more
** than one type, as an external label (placed where it collides with
** nothing, else left out); a legend node (an HTML-like table) names the signs drawn, the
** pen width's scale and the one edge type otherwise. */
static int write_dot (const sinorus_graph *g, const sinorus_graph_info *in,
                      sinorus_writer w, void *ud) {
  size_t n = sinorus_graph_order(g), m = sinorus_graph_size(g), i, a;
  int directed = sinorus_graph_directed(g), typed = 0, one_type = -1, s;
  int signs[3] = { 0, 0, 0 };
  double wmax = 0.0;
  char num[96], legend[64];
  for (i = 0; i < m; i++) {
    sinorus_edge e;
    sinorus_graph_edge(g, i, &e);
    if (fabs(e.weight) > wmax && fabs(e.weight) <= DBL_MAX) wmax = fabs(e.weight);
    signs[e.sign > 0 ? 0 : e.sign < 0 ? 1 : 2] = 1;
    if (edge_type(in, &e) != NULL) {
      if (one_type < 0 && !typed) one_type = e.type;
      else if (e.type != one_type) one_type = -1;
      typed = 1;
    }
  }
  EMITS(directed ? "digraph " : "graph ");
  DSTR(in->name ? in->name : "sinorus");
  EMITS(" {\n  graph [layout=");
  EMITS(n > DOT_NEATO_MAX ? "sfdp" : "neato");
  EMITS(", overlap=false, sep=\"+8\", splines=true, outputorder=edgesfirst, "
        "forcelabels=false, "
        "fontname=\"sans-serif\"];\n"
        "  node [shape=box, style=rounded, fontname=\"sans-serif\", fontsize=11];\n"
        "  edge [fontname=\"sans-serif\", fontsize=9];\n");
  for (i = 0; i < n; i++) {
    EMITS("  ");
    DSTR(in->ids[i]);
    EMITS(" [label=");
    DSTR(node_label(in, i));
    for (a = 0; a < in->nattrs; a++) {
      const char *v = node_attr(in, i, a);
      if (v == NULL) continue;
      EMITS(", ");
      DSTR(in->attr_names[a]);
      EMITS("=");
      DSTR(v);
    }
    EMITS("];\n");
  }
  for (i = 0; i < m; i++) {
    sinorus_edge e;
    const char *t;
    double pw;
    sinorus_graph_edge(g, i, &e);
    t = edge_type(in, &e);
    EMITS("  ");
    DSTR(in->ids[e.from]);
    EMITS(directed ? " -> " : " -- ");
    DSTR(in->ids[e.to]);
    snprintf(num, sizeof num, " [sign=%d, weight=", e.sign);
    EMITS(num);
    EMITS(fmt_num(e.weight, num));
    if (t) {
      EMITS(", type=");
      DSTR(t);
      EMITS(", tooltip=");
      DSTR(t);
      if (one_type < 0) { EMITS(", xlabel="); DSTR(t); }
    }
    pw = wmax > 0.0 && fabs(e.weight) <= DBL_MAX ? 1.0 + 3.0 * fabs(e.weight) / wmax : 1.0;
    snprintf(num, sizeof num, ", penwidth=%.2f, color=\"%s\", style=%s];\n", pw,
             sn_sign_color(e.sign), sign_style(e.sign, signs[0] || signs[1]));
    EMITS(num);
  }
  if (m > 0) {
    legend_name(in, n, legend, sizeof legend);
    EMITS("  ");
    DSTR(legend);
    EMITS(" [shape=plaintext, fontsize=10, label=<<table border=\"1\" "
          "cellborder=\"0\" cellspacing=\"2\" cellpadding=\"2\">"
          "<tr><td colspan=\"2\"><b>Legend</b></td></tr>");
    for (s = 0; s < 3; s++) {
      static const int sign_of[3] = { 1, -1, 0 };
      static const char *const name[3] = { "positive", "negative", "neutral" };
      if (!signs[s]) continue;
      EMITS("<tr><td width=\"32\" height=\"6\" bgcolor=\"");
      EMITS(sn_sign_color(sign_of[s]));
      EMITS("\"></td><td align=\"left\">");
      EMITS(name[s]);
      EMITS(" (");
      EMITS(sign_style(sign_of[s], signs[0] || signs[1]));
      EMITS(")</td></tr>");
    }
    EMITS("<tr><td colspan=\"2\" align=\"left\">pen width: |weight|, 1 to 4 pt "
          "(4 pt = ");
    EMITS(fmt_num(wmax, num));
    EMITS(")</td></tr>");
    if (one_type >= 0) {
      EMITS("<tr><td colspan=\"2\" align=\"left\">every edge: ");
      XML(in->types[one_type]);
      EMITS("</td></tr>");
    }
    EMITS("</table>>];\n");
  }
  EMITS("}\n");
  return SINORUS_OK;
}

static int write_graphml (const sinorus_graph *g, const sinorus_graph_info *in,
                          sinorus_writer w, void *ud) {
  size_t n = sinorus_graph_order(g), m = sinorus_graph_size(g), i, a;
  char num[96];
  EMITS("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""
        " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns"
        " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n");
  for (a = 0; a < in->nattrs; a++) {
    snprintf(num, sizeof num, "  <key id=\"n%lu\" for=\"node\" attr.name=\"",
             (unsigned long)a);
    EMITS(num);
    XML(in->attr_names[a]);
    EMITS("\" attr.type=\"string\"/>\n");
  }
  EMITS("  <key id=\"sign\" for=\"edge\" attr.name=\"sign\" attr.type=\"int\"/>\n"
        "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
        "  <key id=\"type\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n"
        "  <graph id=\"");
  XML(in->name ? in->name : "sinorus");
  EMITS(sinorus_graph_directed(g) ? "\" edgedefault=\"directed\">\n"
                                  : "\" edgedefault=\"undirected\">\n");
  for (i = 0; i < n; i++) {
    EMITS("    <node id=\"");
    XML(in->ids[i]);
    EMITS("\"><data key=\"label\">");
    XML(node_label(in, i));
    EMITS("</data>");
    for (a = 0; a < in->nattrs; a++) {
      const char *v = node_attr(in, i, a);
      if (v == NULL) continue;
      snprintf(num, sizeof num, "<data key=\"n%lu\">", (unsigned long)a);
      EMITS(num);
      XML(v);
      EMITS("</data>");
    }
    EMITS("</node>\n");
  }
  for (i = 0; i < m; i++) {
    sinorus_edge e;
    const char *t;
    sinorus_graph_edge(g, i, &e);
    t = edge_type(in, &e);
    snprintf(num, sizeof num, "    <edge id=\"e%lu\" source=\"", (unsigned long)i);
    EMITS(num);
    XML(in->ids[e.from]);
    EMITS("\" target=\"");
    XML(in->ids[e.to]);
    snprintf(num, sizeof num, "\"><data key=\"sign\">%d</data>", e.sign);
    EMITS(num);
    EMITS("<data key=\"weight\">");
    EMITS(fmt_num(e.weight, num));
    EMITS("</data>");
    if (t) { EMITS("<data key=\"type\">"); XML(t); EMITS("</data>"); }
    EMITS("</edge>\n");
  }
  EMITS("  </graph>\n</graphml>\n");
  return SINORUS_OK;
}

static int write_gexf (const sinorus_graph *g, const sinorus_graph_info *in,
                       sinorus_writer w, void *ud) {
  size_t n = sinorus_graph_order(g), m = sinorus_graph_size(g), i, a;
  char num[96];
  EMITS("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n"
        "  <meta><creator>sinorus</creator><description>");
  XML(in->name ? in->name : "sinorus");
  EMITS("</description></meta>\n  <graph mode=\"static\" defaultedgetype=\"");
  EMITS(sinorus_graph_directed(g) ? "directed\">\n" : "undirected\">\n");
  EMITS("    <attributes class=\"node\">\n");
  for (a = 0; a < in->nattrs; a++) {
    snprintf(num, sizeof num, "      <attribute id=\"n%lu\" title=\"",
             (unsigned long)a);
    EMITS(num);
    XML(in->attr_names[a]);
    EMITS("\" type=\"string\"/>\n");
  }
  EMITS("    </attributes>\n"
        "    <attributes class=\"edge\">\n"
        "      <attribute id=\"sign\" title=\"sign\" type=\"integer\"/>\n"
        "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
        "    </attributes>\n    <nodes>\n");
  for (i = 0; i < n; i++) {
    int any = 0;
    EMITS("      <node id=\"");
    XML(in->ids[i]);
    EMITS("\" label=\"");
    XML(node_label(in, i));
    EMITS("\">");
    for (a = 0; a < in->nattrs; a++) {
      const char *v = node_attr(in, i, a);
      if (v == NULL) continue;
      if (!any) { EMITS("<attvalues>"); any = 1; }
      snprintf(num, sizeof num, "<attvalue for=\"n%lu\" value=\"", (unsigned long)a);
      EMITS(num);
      XML(v);
      EMITS("\"/>");
    }
    if (any) EMITS("</attvalues>");
    EMITS("</node>\n");
  }
  EMITS("    </nodes>\n    <edges>\n");
  for (i = 0; i < m; i++) {
    sinorus_edge e;
    const char *t;
    sinorus_graph_edge(g, i, &e);
    t = edge_type(in, &e);
    snprintf(num, sizeof num, "      <edge id=\"%lu\" source=\"", (unsigned long)i);
    EMITS(num);
    XML(in->ids[e.from]);
    EMITS("\" target=\"");
    XML(in->ids[e.to]);
    EMITS("\" weight=\"");
    EMITS(fmt_num(e.weight, num));
    if (t) { EMITS("\" label=\""); XML(t); }
    snprintf(num, sizeof num, "\"><attvalues><attvalue for=\"sign\" value=\"%d\"/>",
             e.sign);
    EMITS(num);
    if (t) { EMITS("<attvalue for=\"type\" value=\""); XML(t); EMITS("\"/>"); }
    EMITS("</attvalues></edge>\n");
  }
  EMITS("    </edges>\n  </graph>\n</gexf>\n");
  return SINORUS_OK;
}

/* JSON in the bytes of the one JSON encoder (core.json, ljson.c): keys
** sorted bytewise, no white space, strings and numbers written by
** sn_json_body and sn_fmt_num. */
static int write_json (const sinorus_graph *g, const sinorus_graph_info *in,
                       sinorus_writer w, void *ud) {
  size_t n = sinorus_graph_order(g), m = sinorus_graph_size(g), i, a, k;
  size_t *order = NULL;
  int first, st = SINORUS_ERROR;
  char num[96];
  if (in->nattrs > 0) {   /* the attribute names in byte order */
    order = malloc(in->nattrs * sizeof *order);
    if (order == NULL) return SINORUS_NOMEM;
    for (a = 0; a < in->nattrs; a++) {
      for (k = a; k > 0 && strcmp(in->attr_names[order[k - 1]],
                                  in->attr_names[a]) > 0; k--)
        order[k] = order[k - 1];
      order[k] = a;
    }
  }
#undef EMIT
#define EMIT(s, n) do { if (w(ud, (s), (n)) != 0) goto done; } while (0)
#undef JSTR
#define JSTR(s) do { if (sinorus_escape_json((s), strlen(s), w, ud)) \
                       goto done; } while (0)
  EMITS(sinorus_graph_directed(g) ? "{\"directed\":true,\"edges\":["
                                  : "{\"directed\":false,\"edges\":[");
  for (i = 0; i < m; i++) {
    sinorus_edge e;
    const char *t;
    sinorus_graph_edge(g, i, &e);
    t = edge_type(in, &e);
    snprintf(num, sizeof num, "%s{\"sign\":%d,\"source\":", i ? "," : "", e.sign);
    EMITS(num);
    JSTR(in->ids[e.from]);
    EMITS(",\"target\":");
    JSTR(in->ids[e.to]);
    EMITS(",\"type\":");
    if (t) JSTR(t);
    else EMITS("null");
    EMITS(",\"weight\":");
    EMITS(fmt_num(e.weight, num));
    EMITS("}");
  }
  EMITS("],\"name\":");
  JSTR(in->name ? in->name : "sinorus");
  EMITS(",\"nodes\":[");
  for (i = 0; i < n; i++) {
    EMITS(i ? ",{\"attributes\":{" : "{\"attributes\":{");
    for (k = 0, first = 1; k < in->nattrs; k++) {
      const char *v = node_attr(in, i, order[k]);
      if (v == NULL) continue;
      if (!first) EMITS(",");
      first = 0;
      JSTR(in->attr_names[order[k]]);
      EMITS(":");
      JSTR(v);
    }
    EMITS("},\"id\":");
    JSTR(in->ids[i]);
    EMITS(",\"label\":");
    JSTR(node_label(in, i));
    EMITS("}");
  }
  EMITS("]}\n");
  st = SINORUS_OK;
done:
  free(order);
  return st;
#undef EMIT
#undef JSTR
#define EMIT(s, n) do { if (w(ud, (s), (n)) != 0) return SINORUS_ERROR; } while (0)
#define JSTR(s) do { if (sinorus_escape_json((s), strlen(s), w, ud)) \
                       return SINORUS_ERROR; } while (0)
}

SINORUS_API int sinorus_graph_write (const sinorus_graph *g, int format,
                                     const sinorus_graph_info *info,
                                     sinorus_writer w, void *ud) {
  size_t i, m = sinorus_graph_size(g);
  for (i = 0; i < m; i++) {
    sinorus_edge e;
    sinorus_graph_edge(g, i, &e);
    if (e.type >= 0 && (size_t)e.type >= info->ntypes) return SINORUS_RANGE;
  }
  switch (format) {
    case SINORUS_FORMAT_DOT: return write_dot(g, info, w, ud);
    case SINORUS_FORMAT_GRAPHML: return write_graphml(g, info, w, ud);
    case SINORUS_FORMAT_GEXF: return write_gexf(g, info, w, ud);
    case SINORUS_FORMAT_JSON: return write_json(g, info, w, ud);
    default: return SINORUS_RANGE;
  }
}


/* ---------------------------------------------------------------------
** Atomic files: the one routine every file write goes through
** ------------------------------------------------------------------ */

static void set_err (char *errbuf, size_t errlen, const char *what,
                     const char *path, const char *why) {
  if (errbuf && errlen > 0)
    snprintf(errbuf, errlen, "%s '%s': %s", what, path, why);
}

#define TMP_MARK ".tmp-"
#define TMP_RAND 6     /* random characters after the mark */

static const char tmp_chars[] =
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/* The sidecar files SQLite keeps beside a database. */
static const char *const sidecars[] = { "-wal", "-shm", "-journal", NULL };

/* What name is among the files of a write to base: 0 its temporary file
** (base + ".tmp-" + TMP_RAND characters of tmp_chars), k + 1 that file's
** sidecars[k], -1 neither. */
static int temp_kind (const char *name, const char *base, size_t blen) {
  size_t i, ml = sizeof TMP_MARK - 1;
  int k;
  if (strncmp(name, base, blen) != 0 || strncmp(name + blen, TMP_MARK, ml) != 0)
    return -1;
  name += blen + ml;
  for (i = 0; i < TMP_RAND; i++)
    if (name[i] == '\0' || strchr(tmp_chars, name[i]) == NULL) return -1;
  if (name[TMP_RAND] == '\0') return 0;
  for (k = 0; sidecars[k] != NULL; k++)
    if (strcmp(name + TMP_RAND, sidecars[k]) == 0) return k + 1;
  return -1;
}

/* Removes path when it is a regular file of this user. */
static void unlink_mine (const char *path) {
  struct stat sb;
  if (lstat(path, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_uid == geteuid())
    unlink(path);
}

/* The directory part of path ("." or "/" when it has none) and where its
** last component starts; NULL when out of memory. */
static char *dir_of (const char *path, const char **base) {
  const char *slash = strrchr(path, '/');
  char *dir;
  size_t n;
  if (slash == NULL) { *base = path; n = 0; }
  else { *base = slash + 1; n = slash == path ? 1 : (size_t)(slash - path); }
  dir = malloc(n ? n + 1 : 2);
  if (dir == NULL) return NULL;
  if (n == 0) strcpy(dir, ".");
  else { memcpy(dir, path, n); dir[n] = '\0'; }
  return dir;
}

/* Syncs the directory that holds path, so a rename in it is durable. */
static int sync_dir (const char *path) {
  const char *base;
  char *dir = dir_of(path, &base);
  int fd, rc;
  if (dir == NULL) return -1;
  fd = open(dir, O_RDONLY);
  free(dir);
  if (fd < 0) return -1;
  rc = fsync(fd);
  close(fd);
  return rc;
}

/* Removes path (a temporary file of ours) when it is a regular file of
** this user that no live writer holds locked, with its sidecars (a killed
** save leaves SQLite's -journal, or -wal and -shm, beside it). */
static void drop_temp (const char *path) {
  struct stat a, b;
  int fd;
  if (lstat(path, &a) != 0 || !S_ISREG(a.st_mode) || a.st_uid != geteuid())
    return;
  fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return;
  if (flock(fd, LOCK_EX | LOCK_NB) == 0 && fstat(fd, &b) == 0 &&
      lstat(path, &a) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino) {
    size_t n = strlen(path);
    char *side = malloc(n + 16);
    int k;
    unlink(path);
    for (k = 0; side != NULL && sidecars[k] != NULL; k++) {
      sprintf(side, "%s%s", path, sidecars[k]);
      unlink_mine(side);
    }
    free(side);
  }
  close(fd);   /* releases the lock */
}

void sn_clean_temps (const char *path) {
  const char *base;
  char *dir = dir_of(path, &base);
  size_t blen = strlen(base), dlen;
  DIR *d;
  struct dirent *e;
  if (dir == NULL || blen == 0 || (d = opendir(dir)) == NULL) {
    free(dir);
    return;
  }
  dlen = strlen(dir);
  while ((e = readdir(d)) != NULL) {
    int kind = temp_kind(e->d_name, base, blen);
    char *full;
    struct stat sb;
    if (kind < 0) continue;
    full = malloc(dlen + strlen(e->d_name) + 2);
    if (full == NULL) break;
    sprintf(full, "%s/%s", dir, e->d_name);
    if (kind == 0) drop_temp(full);
    else {   /* a sidecar whose temporary file is gone: nobody writes it */
      size_t n = strlen(full) - strlen(sidecars[kind - 1]);
      char c = full[n];
      full[n] = '\0';
      if (lstat(full, &sb) != 0 && errno == ENOENT) {
        full[n] = c;
        unlink_mine(full);
      }
    }
    free(full);
  }
  closedir(d);
  free(dir);
}

char *sn_resolve (const char *path) {
  char buf[PATH_MAX], *out;
  size_t n;
  if (realpath(path, buf) == NULL) return NULL;
  n = strlen(buf);
  out = malloc(n + 1);
  if (out == NULL) { errno = ENOMEM; return NULL; }
  memcpy(out, buf, n + 1);
  return out;
}

int sn_is_kb_file (const char *path, const sn_kbfile *kb) {
  struct stat sb;
  char *real;
  int same = 0;
  if (kb == NULL || kb->real == NULL) return 0;
  if (stat(path, &sb) == 0 && kb->known &&
      (unsigned long long)sb.st_dev == kb->dev &&
      (unsigned long long)sb.st_ino == kb->ino)
    return 1;
  real = sn_resolve(path);
  if (real != NULL) same = strcmp(real, kb->real) == 0;
  free(real);
  return same;
}

/* The status and reason of a failed system call with errno e. */
static int sys_fail (char *why, size_t wl, int e) {
  if (e == ENOMEM) {
    snprintf(why, wl, "out of memory");
    return SINORUS_NOMEM;
  }
  snprintf(why, wl, "%s", strerror(e));
  return SINORUS_IO;
}

/*
** Refuses real (a resolved path; sb its stat when it exists) when it is
** kb's file or one of its sidecars: SINORUS_ERROR with why saying which,
** SINORUS_NOMEM, else SINORUS_OK (also for no kb).
*/
static int kb_own (const char *real, int exists, const struct stat *sb,
                   const sn_kbfile *kb, char *why, size_t wl) {
  size_t n;
  int k;
  if (kb == NULL || kb->real == NULL) return SINORUS_OK;
  n = strlen(kb->real);
  if (strcmp(real, kb->real) == 0 ||
      (exists && kb->known && (unsigned long long)sb->st_dev == kb->dev &&
       (unsigned long long)sb->st_ino == kb->ino)) {
    snprintf(why, wl, "it is the file of the open knowledge base");
    return SINORUS_ERROR;
  }
  for (k = 0; sidecars[k] != NULL; k++) {
    struct stat cb;
    char *side = malloc(n + 16);
    int hit;
    if (side == NULL) {
      snprintf(why, wl, "out of memory");
      return SINORUS_NOMEM;
    }
    sprintf(side, "%s%s", kb->real, sidecars[k]);
    hit = strcmp(real, side) == 0 ||
          (exists && stat(side, &cb) == 0 && cb.st_dev == sb->st_dev &&
           cb.st_ino == sb->st_ino);
    free(side);
    if (hit) {
      snprintf(why, wl, "it is the %s file of the open knowledge base",
               sidecars[k] + 1);
      return SINORUS_ERROR;
    }
  }
  return SINORUS_OK;
}


/* See sn_internal.h. */
int sn_kb_refuses (const char *path, const sn_kbfile *kb, char *why, size_t wl) {
  struct stat sb;
  char *real;
  int st;
  if (kb == NULL || kb->real == NULL || stat(path, &sb) != 0) return SINORUS_OK;
  if ((real = sn_resolve(path)) == NULL) return SINORUS_OK;
  st = kb_own(real, 1, &sb, kb, why, wl);
  free(real);
  return st;
}


/*
** Checks the target of a write (see sn_write_atomic) and resolves it:
** *out gets the path to rename onto (symbolic links followed; a new name
** with its directory resolved), *exists whether it exists (then *sb is
** its stat). Returns a status, with the reason in why on failure.
*/
static int check_target (const char *path, const sn_kbfile *kb, char **out,
                         int *exists, struct stat *sb, char *why, size_t wl) {
  char *real = NULL;
  const char *base;
  int st;
  *out = NULL;
  *exists = 0;
  if (*path == '\0') {
    snprintf(why, wl, "%s", strerror(ENOENT));
    return SINORUS_IO;
  }
  if (lstat(path, sb) == 0) {
    if (stat(path, sb) != 0) {
      snprintf(why, wl, "a symbolic link to nothing");
      return SINORUS_IO;
    }
    if (!S_ISREG(sb->st_mode)) {
      snprintf(why, wl, "%s", S_ISDIR(sb->st_mode) ? strerror(EISDIR)
                                                   : "not a regular file");
      return SINORUS_IO;
    }
    *exists = 1;
    real = sn_resolve(path);
  }
  else if (errno == ENOENT) {   /* a new name: resolve its directory */
    char *dir = dir_of(path, &base), *rdir;
    if (dir == NULL) { snprintf(why, wl, "out of memory"); return SINORUS_NOMEM; }
    if (*base == '\0' || strcmp(base, ".") == 0 || strcmp(base, "..") == 0) {
      free(dir);
      snprintf(why, wl, "%s", strerror(EISDIR));
      return SINORUS_IO;
    }
    rdir = sn_resolve(dir);
    free(dir);
    if (rdir == NULL) return sys_fail(why, wl, errno);
    real = malloc(strlen(rdir) + strlen(base) + 2);
    if (real == NULL) errno = ENOMEM;
    if (real != NULL)
      sprintf(real, "%s%s%s", rdir, strcmp(rdir, "/") == 0 ? "" : "/", base);
    free(rdir);
  }
  else return sys_fail(why, wl, errno);
  if (real == NULL) {
    return sys_fail(why, wl, errno);
  }
  if ((st = kb_own(real, *exists, sb, kb, why, wl)) != SINORUS_OK) {
    free(real);
    return st;
  }
  *out = real;
  return SINORUS_OK;
}

/* Makes, opens and locks a new temporary file beside target; its name
** goes to *tmp. Returns the descriptor, or -1 with errno set. */
static int make_temp (const char *target, char **tmp) {
  static unsigned long long counter = 0;
  size_t n = strlen(target);
  char *t = malloc(n + sizeof TMP_MARK + TMP_RAND);
  unsigned attempt;
  *tmp = NULL;
  if (t == NULL) { errno = ENOMEM; return -1; }
  memcpy(t, target, n);
  memcpy(t + n, TMP_MARK, sizeof TMP_MARK - 1);
  for (attempt = 0; attempt < 100; attempt++) {
    struct timespec ts;
    struct stat a, b;
    unsigned long long r;
    int fd, i;
    clock_gettime(CLOCK_REALTIME, &ts);
    r = mix64((unsigned long long)ts.tv_nsec ^ ((unsigned long long)ts.tv_sec << 30)
              ^ ((unsigned long long)getpid() << 40) ^ ++counter
              ^ (unsigned long long)(size_t)t);
    for (i = 0; i < TMP_RAND; i++, r /= (sizeof tmp_chars - 1))
      t[n + sizeof TMP_MARK - 1 + i] = tmp_chars[r % (sizeof tmp_chars - 1)];
    t[n + sizeof TMP_MARK - 1 + TMP_RAND] = '\0';
    fd = open(t, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0) {
      if (errno == EEXIST) continue;
      free(t);
      return -1;
    }
    /* locked, and still ours (a clean-up may have taken it before the
    ** lock): from here on no clean-up removes it */
    if (flock(fd, LOCK_EX | LOCK_NB) == 0 && fstat(fd, &a) == 0 &&
        lstat(t, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino) {
      *tmp = t;
      return fd;
    }
    close(fd);
  }
  free(t);
  errno = EEXIST;
  return -1;
}

int sn_write_atomic (const char *path, const sn_kbfile *kb, sn_fill fill,
                     void *ud, char *why, size_t wl) {
  char *target = NULL, *tmp = NULL;
  struct stat sb;
  int exists, fd, st;
  st = check_target(path, kb, &target, &exists, &sb, why, wl);
  if (st != SINORUS_OK) return st;
  sn_clean_temps(target);
  fd = make_temp(target, &tmp);
  if (fd < 0) {
    st = sys_fail(why, wl, errno);
    free(target);
    return st;
  }
  st = SINORUS_OK;
  if (exists && fchmod(fd, sb.st_mode & 07777) != 0) {
    snprintf(why, wl, "%s", strerror(errno));
    st = SINORUS_IO;
  }
  if (st == SINORUS_OK) st = fill(ud, fd, tmp, why, wl);
  if (st == SINORUS_OK && (fsync(fd) != 0 || rename(tmp, target) != 0)) {
    snprintf(why, wl, "%s", strerror(errno));
    st = SINORUS_IO;
  }
  if (st == SINORUS_OK) sync_dir(target);
  else unlink(tmp);
  close(fd);   /* after the rename: the lock keeps clean-ups away */
  free(tmp);
  free(target);
  return st;
}

/* Whether anything (of any kind, a dangling link too) is at path; never opens it. */
int sn_path_exists (const char *path) {
  struct stat sb;
  return lstat(path, &sb) == 0;
}

/*
** Reads the regular file path into buf (cap bytes): opened without
** blocking (a FIFO or device never holds the reader), refused unless it is
** a regular file. With buf NULL only checks it and gives its size in *size.
** A file that grew past cap while read is refused, not cut.
*/
int sn_read_regular (const char *path, char *buf, size_t cap, size_t *got,
                     size_t *size, char *why, size_t wl) {
  struct stat sb;
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC), st = SINORUS_OK;
  size_t n = 0;
  if (fd < 0) {
    snprintf(why, wl, "%s", strerror(errno));
    return SINORUS_IO;
  }
  if (fstat(fd, &sb) != 0) {
    snprintf(why, wl, "%s", strerror(errno));
    close(fd);
    return SINORUS_IO;
  }
  if (!S_ISREG(sb.st_mode)) {
    snprintf(why, wl, "%s", S_ISDIR(sb.st_mode) ? "is a directory, not a file"
                                                : "not a regular file");
    close(fd);
    return SINORUS_IO;
  }
  if (size) *size = (size_t)sb.st_size;
  while (buf != NULL && st == SINORUS_OK) {
    char extra;
    ssize_t r = n < cap ? read(fd, buf + n, cap - n) : read(fd, &extra, 1);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) { snprintf(why, wl, "%s", strerror(errno)); st = SINORUS_IO; }
    else if (r == 0) break;
    else if (n >= cap) { snprintf(why, wl, "changed while it was read"); st = SINORUS_IO; }
    else n += (size_t)r;
  }
  close(fd);
  if (got) *got = n;
  return st;
}

/* A fill that writes a buffer. */
typedef struct sn_bytes { const char *p; size_t len; } sn_bytes;

static int fill_bytes (void *ud, int fd, const char *tmp, char *why, size_t wl) {
  const sn_bytes *b = (const sn_bytes *)ud;
  size_t done = 0;
  (void)tmp;
  while (done < b->len) {
    ssize_t k = write(fd, b->p + done, b->len - done);
    if (k < 0) {
      if (errno == EINTR) continue;
      snprintf(why, wl, "%s", strerror(errno));
      return SINORUS_IO;
    }
    done += (size_t)k;
  }
  return SINORUS_OK;
}

int sn_write_file_kb (const char *path, const char *data, size_t len,
                      const sn_kbfile *kb, char *errbuf, size_t errlen) {
  char why[256];
  sn_bytes b;
  int st;
  b.p = data;
  b.len = len;
  st = sn_write_atomic(path, kb, fill_bytes, &b, why, sizeof why);
  if (st != SINORUS_OK) set_err(errbuf, errlen, "cannot write", path, why);
  return st;
}

SINORUS_API int sinorus_write_file (const char *path, const char *data,
                                    size_t len, char *errbuf, size_t errlen) {
  return sn_write_file_kb(path, data, len, NULL, errbuf, errlen);
}


/* ---------------------------------------------------------------------
** GUIDs
** ------------------------------------------------------------------ */

static uint64_t mix64 (uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

static uint64_t fnv1a (const char *s, size_t len, uint64_t h) {
  size_t i;
  for (i = 0; i < len; i++) {
    h ^= (unsigned char)s[i];
    h *= 0x100000001b3ULL;
  }
  return h;
}

SINORUS_API void sinorus_guid (const char *key, size_t len, char out[37]) {
  uint64_t h1 = mix64(fnv1a(key, len, 0xcbf29ce484222325ULL) ^ len);
  uint64_t h2 = mix64(fnv1a(key, len, 0x6c62272e07bb0142ULL) + h1);
  unsigned char b[16];
  int i, k = 0;
  static const char hex[] = "0123456789abcdef";
  for (i = 0; i < 8; i++) b[i] = (unsigned char)(h1 >> (56 - 8 * i));
  for (i = 0; i < 8; i++) b[8 + i] = (unsigned char)(h2 >> (56 - 8 * i));
  b[6] = (unsigned char)((b[6] & 0x0F) | 0x80);   /* version 8 */
  b[8] = (unsigned char)((b[8] & 0x3F) | 0x80);   /* RFC 9562 variant */
  for (i = 0; i < 16; i++) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out[k++] = '-';
    out[k++] = hex[b[i] >> 4];
    out[k++] = hex[b[i] & 15];
  }
  out[k] = '\0';
}


/* ---------------------------------------------------------------------
** REFI-QDA
** ------------------------------------------------------------------ */

typedef struct sn_buf {
  char *p;
  size_t len, cap;
} sn_buf;

static int buf_write (void *ud, const char *s, size_t n) {
  sn_buf *b = ud;
  if (n > b->cap - b->len) {
    size_t cap = b->cap ? b->cap : 4096;
    char *p;
    while (n > cap - b->len) {
      if (cap > SIZE_MAX / 2) return 1;
      cap *= 2;
    }
    p = realloc(b->p, cap);
    if (p == NULL) return 1;
    b->p = p;
    b->cap = cap;
  }
  memcpy(b->p + b->len, s, n);
  b->len += n;
  return 0;
}

static int guid_of (const char *prefix, const char *key, char out[37]) {
  size_t lp = strlen(prefix), lk = strlen(key);
  char *t = malloc(lp + lk + 1);
  if (t == NULL) return SINORUS_NOMEM;
  memcpy(t, prefix, lp);
  memcpy(t + lp, key, lk + 1);
  sinorus_guid(t, lp + lk, out);
  free(t);
  return SINORUS_OK;
}

#define GUID(prefix, key, out) do { if (guid_of((prefix), (key), (out))) \
                                      return SINORUS_NOMEM; } while (0)

/* Writes code c and, nested in it, its children (codes are few). */
static int qde_code (const sinorus_qda_code *codes, size_t ncodes, size_t c,
                     unsigned depth, sinorus_writer w, void *ud) {
  char guid[37];
  size_t k;
  if (depth > 64) return SINORUS_RANGE;
  GUID("code:", codes[c].key, guid);
  EMITS("<Code guid=\"");
  EMITS(guid);
  EMITS("\" name=\"");
  XML(codes[c].name);
  EMITS("\" isCodable=\"true\">");
  if (codes[c].description) {
    EMITS("<Description>");
    XML(codes[c].description);
    EMITS("</Description>");
  }
  for (k = c + 1; k < ncodes; k++)
    if (codes[k].parent == (long)c) {
      int st = qde_code(codes, ncodes, k, depth + 1, w, ud);
      if (st != SINORUS_OK) return st;
    }
  EMITS("</Code>\n");
  return SINORUS_OK;
}

static int on_boundary (const sinorus_qda_source *s, size_t off) {
  return off == s->len || ((unsigned char)s->text[off] & 0xC0) != 0x80;
}

/* One PlainTextSelection with its Coding; pos holds the positions. */
static int emit_sel (const sinorus_qda_selection *s, const char *guid,
                     const char *cguid, const char *user, const char *pos,
                     sinorus_writer w, void *ud) {
  char coding[37];
  EMITS("<PlainTextSelection guid=\"");
  EMITS(guid);
  if (s->name) { EMITS("\" name=\""); XML(s->name); }
  EMITS(pos);
  EMITS(" creatingUser=\"");
  EMITS(user);
  EMITS("\"><Coding guid=\"");
  /* the coding's GUID derives from the selection's key */
  if (guid_of("coding:", s->key, coding) != SINORUS_OK) return SINORUS_NOMEM;
  EMITS(coding);
  EMITS("\" creatingUser=\"");
  EMITS(user);
  EMITS("\"><CodeRef targetGUID=\"");
  EMITS(cguid);
  EMITS("\"/></Coding></PlainTextSelection>\n");
  return SINORUS_OK;
}

static int write_qde (const char *project,
                      const sinorus_qda_code *codes, size_t ncodes,
                      const sinorus_qda_source *sources, size_t nsources,
                      const sinorus_qda_selection *sels, size_t nsels,
                      sinorus_writer w, void *ud) {
  char user[37], guid[37], num[96];
  size_t i, k;
  int st;
  GUID("user:", "sinorus", user);
  EMITS("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"");
  XML(project ? project : "sinorus");
  EMITS("\" origin=\"sinorus " SINORUS_VERSION "\" creatingUserGUID=\"");
  EMITS(user);
  EMITS("\">\n<Users><User guid=\"");
  EMITS(user);
  EMITS("\" name=\"sinorus\"/></Users>\n<CodeBook><Codes>\n");
  for (i = 0; i < ncodes; i++)
    if (codes[i].parent < 0 &&
        (st = qde_code(codes, ncodes, i, 0, w, ud)) != SINORUS_OK)
      return st;
  EMITS("</Codes></CodeBook>\n<Sources>\n");
  for (i = 0; i < nsources; i++) {
    char sguid[37];
    size_t *cps;
    GUID("source:", sources[i].key, sguid);
    EMITS("<TextSource guid=\"");
    EMITS(sguid);
    EMITS("\" name=\"");
    XML(sources[i].name);
    EMITS("\" plainTextPath=\"internal://");
    EMITS(sguid);
    EMITS(".txt\" creatingUser=\"");
    EMITS(user);
    EMITS("\">\n");
    /* code point offsets of every byte offset, for the selections */
    cps = malloc((sources[i].len + 1) * sizeof(size_t));
    if (cps == NULL) return SINORUS_NOMEM;
    cps[0] = 0;
    for (k = 0; k < sources[i].len; k++)
      cps[k + 1] = cps[k] +
                   (((unsigned char)sources[i].text[k] & 0xC0) != 0x80);
    for (k = 0; k < nsels; k++) {
      const sinorus_qda_selection *s = &sels[k];
      char cguid[37];
      if (s->source != i) continue;
      if (guid_of("selection:", s->key, guid) || guid_of("code:", codes[s->code].key, cguid)) {
        free(cps);
        return SINORUS_NOMEM;
      }
      snprintf(num, sizeof num, "\" startPosition=\"%lu\" endPosition=\"%lu\"",
               (unsigned long)cps[s->start], (unsigned long)cps[s->stop]);
      if (emit_sel(s, guid, cguid, user, num, w, ud) != SINORUS_OK) {
        free(cps);
        return SINORUS_NOMEM;
      }
    }
    free(cps);
    EMITS("</TextSource>\n");
  }
  EMITS("</Sources>\n</Project>\n");
  return SINORUS_OK;
}

/* Adds a buffer as a zip entry with a fixed time stamp; 0 on failure. */
static int add_entry (zip_t *za, const char *name, const char *data, size_t len) {
  zip_source_t *src = SN_ZIP(zip_source_buffer)(za, data, len, 0);
  zip_int64_t idx;
  if (src == NULL) return 0;
  idx = SN_ZIP(zip_file_add)(za, name, src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
  if (idx < 0) { SN_ZIP(zip_source_free)(src); return 0; }
  /* 2022-02-18 00:00, the article's date, in MS-DOS form */
  if (SN_ZIP(zip_file_set_dostime)(za, (zip_uint64_t)idx, 0,
                           (zip_uint16_t)(((2022 - 1980) << 9) | (2 << 5) | 18),
                           0) != 0)
    return 0;
  return 1;
}

/* The bytes of a zip made in memory (a libzip buffer source kept alive
** after zip_close); *out is malloc'd. 0 on failure, with the reason. */
static int zip_bytes (zip_source_t *zs, char **out, size_t *len, char *why,
                      size_t wl) {
  zip_stat_t zst;
  zip_int64_t got;
  *out = NULL;
  *len = 0;
  if (SN_ZIP(zip_source_open)(zs) != 0) {
    snprintf(why, wl, "%s", SN_ZIP(zip_error_strerror)(SN_ZIP(zip_source_error)(zs)));
    return 0;
  }
  SN_ZIP(zip_stat_init)(&zst);
  if (SN_ZIP(zip_source_stat)(zs, &zst) != 0 || !(zst.valid & ZIP_STAT_SIZE) ||
      (*out = malloc(zst.size ? (size_t)zst.size : 1)) == NULL) {
    snprintf(why, wl, "out of memory");
    SN_ZIP(zip_source_close)(zs);
    return 0;
  }
  got = zst.size ? SN_ZIP(zip_source_read)(zs, *out, zst.size) : 0;
  SN_ZIP(zip_source_close)(zs);
  if (got < 0 || (zip_uint64_t)got != zst.size) {
    snprintf(why, wl, "cannot read the zip back");
    free(*out);
    *out = NULL;
    return 0;
  }
  *len = (size_t)zst.size;
  return 1;
}

int sn_write_qdpx_kb (const char *path, const char *project,
                      const sinorus_qda_code *codes, size_t ncodes,
                      const sinorus_qda_source *sources, size_t nsources,
                      const sinorus_qda_selection *sels, size_t nsels,
                      const sn_kbfile *kb, char *errbuf, size_t errlen) {
  sn_buf xml = { NULL, 0, 0 };
  zip_t *za = NULL;
  zip_source_t *zs = NULL;
  zip_error_t ze;
  char **names = NULL, *bytes = NULL;
  const char *lib;
  size_t i, nbytes = 0;
  int st;
  char why[256];
  /* validate everything before anything is written */
  for (i = 0; i < ncodes; i++)
    if (codes[i].key == NULL || codes[i].name == NULL ||
        codes[i].parent >= (long)i || codes[i].parent < -1) {
      set_err(errbuf, errlen, "cannot write", path, "a code's parent must come before it");
      return SINORUS_RANGE;
    }
  for (i = 0; i < nsels; i++) {
    const sinorus_qda_selection *s = &sels[i];
    if (s->key == NULL || s->source >= nsources || s->code >= ncodes ||
        s->start > s->stop || s->stop > sources[s->source].len ||
        !on_boundary(&sources[s->source], s->start) ||
        !on_boundary(&sources[s->source], s->stop)) {
      set_err(errbuf, errlen, "cannot write", path,
              "a selection lies outside its source or splits a character");
      return SINORUS_RANGE;
    }
  }
  for (i = 0; i < nsources; i++)
    if (sources[i].key == NULL || sources[i].name == NULL ||
        (sources[i].text == NULL && sources[i].len > 0)) {
      set_err(errbuf, errlen, "cannot write", path, "a source lacks a key, name or text");
      return SINORUS_RANGE;
    }
  if ((lib = sn_zip_load()) != NULL) {
    snprintf(why, sizeof why, "writing .qdpx needs %s", lib);
    set_err(errbuf, errlen, "cannot write", path, why);
    return SINORUS_ERROR;
  }
  st = write_qde(project, codes, ncodes, sources, nsources, sels, nsels,
                 buf_write, &xml);
  if (st != SINORUS_OK) {
    free(xml.p);
    if (st == SINORUS_ERROR) st = SINORUS_NOMEM;
    set_err(errbuf, errlen, "cannot write", path,
            st == SINORUS_NOMEM ? "out of memory" : "codes nest too deeply");
    return st;
  }
  /* the zip is made in memory, then written by the one atomic write */
  st = SINORUS_NOMEM;
  snprintf(why, sizeof why, "out of memory");
  names = calloc(nsources + 1, sizeof(char *));
  SN_ZIP(zip_error_init)(&ze);
  if (names == NULL || (zs = SN_ZIP(zip_source_buffer_create)(NULL, 0, 0, &ze)) == NULL)
    goto done;
  SN_ZIP(zip_source_keep)(zs);
  if ((za = SN_ZIP(zip_open_from_source)(zs, ZIP_CREATE | ZIP_TRUNCATE, &ze)) == NULL) {
    snprintf(why, sizeof why, "%s", SN_ZIP(zip_error_strerror)(&ze));
    SN_ZIP(zip_source_free)(zs);   /* the reference zip_open_from_source kept */
    goto done;
  }
  if (!add_entry(za, "project.qde", xml.p, xml.len)) goto zipfail;
  for (i = 0; i < nsources; i++) {
    char guid[37];
    if (guid_of("source:", sources[i].key, guid) != SINORUS_OK ||
        (names[i] = malloc(sizeof "Sources/.txt" + 36)) == NULL)
      goto done;
    snprintf(names[i], sizeof "Sources/.txt" + 36, "Sources/%s.txt", guid);
    if (!add_entry(za, names[i], sources[i].len ? sources[i].text : "",
                   sources[i].len))
      goto zipfail;
  }
  if (SN_ZIP(zip_close)(za) != 0) goto zipfail;
  za = NULL;
  if (!zip_bytes(zs, &bytes, &nbytes, why, sizeof why)) goto done;
  st = sn_write_file_kb(path, bytes, nbytes, kb, errbuf, errlen);
  goto out;
zipfail:
  snprintf(why, sizeof why, "%s", SN_ZIP(zip_strerror)(za));
  st = SINORUS_NOMEM;
done:
  set_err(errbuf, errlen, "cannot write", path, why);
out:
  if (za != NULL) SN_ZIP(zip_discard)(za);
  if (zs != NULL) SN_ZIP(zip_source_free)(zs);
  SN_ZIP(zip_error_fini)(&ze);
  for (i = 0; names != NULL && i < nsources; i++) free(names[i]);
  free(names);
  free(bytes);
  free(xml.p);
  return st;
}

SINORUS_API int sinorus_write_qdpx (const char *path, const char *project,
                                    const sinorus_qda_code *codes, size_t ncodes,
                                    const sinorus_qda_source *sources, size_t nsources,
                                    const sinorus_qda_selection *sels, size_t nsels,
                                    char *errbuf, size_t errlen) {
  return sn_write_qdpx_kb(path, project, codes, ncodes, sources, nsources,
                          sels, nsels, NULL, errbuf, errlen);
}
