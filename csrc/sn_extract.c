/*
** sn_extract.c: the text of document files, as UTF-8.
**
** Every format comes out as either Markdown (HTML and DOCX: a heading is
** one line "# Text" with as many # as its level; every other block one
** line; blocks separated by a blank line) or plain text (PDF: one line
** per paragraph, a blank line between paragraphs; text and Markdown
** files: their own lines, decoded). So the document imports exactly as
** the same text written by hand as a .md or .txt file would.
**
** Encodings (text files; HTML without a declared charset): a byte order
** mark decides (UTF-8, UTF-16LE, UTF-16BE); else valid UTF-8 is UTF-8;
** else the legacy encodings are tried, see detect(). Conversion is by
** iconv. HTML is parsed by libxml2's HTML parser, DOCX read with libzip
** and libxml2's XML reader (no network, no entities from outside, no
** messages), PDF by poppler-glib, page by page.
**
** Nothing here prints; every failure is a status with a message.
*/
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <poppler.h>

#include "sn_extract.h"
#include "sn_libs.h"

const char *const sn_encodings[] = {
  "UTF-8", "UTF-16LE", "UTF-16BE", "WINDOWS-1251", "KOI8-R", "GB18030",
  "BIG5", NULL
};


/* ------------------------------------------------------------------ */
/* Buffers */

static void buf_add (sn_buf *b, const char *s, size_t n) {
  if (b->oom) return;
  if (n > SN_EXTRACT_MAX || b->n > SN_EXTRACT_MAX - n) { b->oom = 2; return; }
  if (b->n + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 256;
    char *p;
    while (cap < b->n + n + 1) cap *= 2;
    p = (char *)realloc(b->p, cap);
    if (p == NULL) { b->oom = 1; return; }
    b->p = p;
    b->cap = cap;
  }
  memcpy(b->p + b->n, s, n);
  b->n += n;
  b->p[b->n] = '\0';
}

/* The status of a buffer that failed to grow (2: past the limit). */
static int buf_status (const sn_buf *b, char *err, size_t errlen) {
  if (b->oom == 2) {
    sn_seterr(err, errlen, "the text is larger than %lu MB",
              (unsigned long)(SN_EXTRACT_MAX >> 20));
    return SN_X_TOOBIG;
  }
  sn_seterr(err, errlen, "out of memory");
  return SN_X_NOMEM;
}

static char *dup_str (const char *s) {
  size_t n;
  char *p;
  if (s == NULL) return NULL;
  n = strlen(s);
  p = (char *)malloc(n + 1);
  if (p) memcpy(p, s, n + 1);
  return p;
}

void sn_doc_free (sn_doc *doc) {
  free(doc->text.p);
  free(doc->title);
  free(doc->author);
  free(doc->date);
  free(doc->pages);
  memset(doc, 0, sizeof *doc);
}


/* ------------------------------------------------------------------ */
/* Blocks: the Markdown or plain text being written */

/* Appends text to the block being collected, with every run of white
** space (ASCII, and U+00A0) one space and none at its start. */
static void block_text (sn_buf *blk, const char *s, size_t n) {
  size_t i;
  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    int space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
                || c == '\v';
    if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
      space = 1;
      i++;
    }
    if (space) {
      if (blk->n > 0 && blk->p[blk->n - 1] != ' ') buf_add(blk, " ", 1);
    } else {
      buf_add(blk, s + i, 1);
    }
  }
}

/* Ends the block: writes it to out (after a blank line when out holds
** text already) as a heading of level (1..6) or a paragraph (level 0),
** unless it is empty. */
static void block_end (sn_buf *out, sn_buf *blk, int level) {
  size_t n = blk->n;
  if (blk->oom && !out->oom) out->oom = blk->oom;
  while (n > 0 && blk->p[n - 1] == ' ') n--;
  if (n > 0) {
    if (out->n > 0) buf_add(out, "\n\n", 2);
    if (level > 0) {
      buf_add(out, "######", (size_t)(level > 6 ? 6 : level));
      buf_add(out, " ", 1);
    }
    buf_add(out, blk->p, n);
  }
  blk->n = 0;
}

/* Ends the text with a newline. */
static void text_end (sn_buf *out) {
  if (out->n > 0) buf_add(out, "\n", 1);
}


/* ------------------------------------------------------------------ */
/* Encodings */

/* Converts in[0..n) from enc to UTF-8, appending to out. Returns SN_X_OK,
** SN_X_ENCODING with *bad the offset in in of the first byte that does
** not decode, or SN_X_NOMEM; -1 when iconv does not know enc. */
static int convert (const char *enc, const char *in, size_t n, sn_buf *out,
                    size_t *bad) {
  iconv_t cd = iconv_open("UTF-8", enc);
  char *ip = (char *)in;
  size_t left = n;
  int st = SN_X_OK;
  if (cd == (iconv_t)-1) return -1;
  while (left > 0) {
    char tmp[4096];
    char *op = tmp;
    size_t room = sizeof tmp;
    size_t r = iconv(cd, &ip, &left, &op, &room);
    buf_add(out, tmp, (size_t)(op - tmp));
    if (out->oom) { st = out->oom == 2 ? SN_X_TOOBIG : SN_X_NOMEM; break; }
    if (r == (size_t)-1 && errno != E2BIG) {
      *bad = (size_t)(ip - in);
      st = SN_X_ENCODING;
      break;
    }
  }
  iconv_close(cd);
  return st;
}

/* The offset of the first byte of s[0..n) that is not part of valid
** UTF-8, or n. */
static size_t utf8_bad (const char *str, size_t n) {
  const unsigned char *s = (const unsigned char *)str;
  size_t i = 0;
  while (i < n) {
    unsigned c = s[i];
    size_t k, len;
    unsigned long v;
    if (c < 0x80) { i++; continue; }
    if (c >= 0xC2 && c < 0xE0) { len = 2; v = c & 0x1F; }
    else if (c >= 0xE0 && c < 0xF0) { len = 3; v = c & 0x0F; }
    else if (c >= 0xF0 && c < 0xF5) { len = 4; v = c & 0x07; }
    else return i;
    if (n - i < len) return i;
    for (k = 1; k < len; k++) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      v = (v << 6) | (s[i + k] & 0x3F);
    }
    if ((len == 3 && (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF)))
        || (len == 4 && (v < 0x10000 || v > 0x10FFFF)))
      return i;
    i += len;
  }
  return n;
}

/* Frequent Han characters, simplified and traditional: how detection
** tells GB18030 from Big5 (a wrong decoding rarely gives them). */
static const char *const HAN_COMMON[] = {
  "的是不了在人有我他这這个個们們中来來上大为為和国國地到以说說时時要就",
  "出会會可也你对對生能而子那得于於着著下自之年过過发發后後作里裡用道行所",
  "然家种種事成方多经經么麼去法学學如都同现現当當没沒动動面起看定天分还還",
  "进進好小部其些主样樣理心她本前开開但因只从從想实實日军軍者意无無力它与",
  "與长長把机機十民第公此已工使情明性知全三又关關点點正业業外将將两兩高间",
  "間由问問很最重并並物手应應战戰向头頭文体體政美相见見被利什二等产產或新",
  "己制身果加西斯月话話合回特代内內信表化老给給世位次度门門任常先海通教儿",
  "兒原东東声聲提立及比员員解水名真论論处處走义義各入几幾口认認条條平系係",
  "气氣题題活尔爾更别別打女变變四神总總何电電数數安少报報才结結反受目太量",
  "再感建务務做接必场場件计計管期市直德资資命山金指克许許统統区區保至队隊",
  "形社便空决決治展马馬科司五基眼书書非则則听聽白却界达達光放强強即像难難",
  "且权權思王象完设設式色路记記南品住告类類求据據程北边邊死张張该該交规規",
  "万萬取拉格望觉覺术術领領共确確传傳师師观觀清今切院让讓识識候带帶导導争",
  "爭运運笑飞飛风風步改收根干幹今造言联聯持组組每济濟车車亲親极極林服快办",
  "辦议議往元英士证證近失转轉夫令准準布始怎呢存未远遠叫台单單影具罗羅字爱",
  "愛击擊流备備兵连連调調深商算质質团團集百需价價花党黨华華城石级級整府离",
  "離况況亚亞请請技际際约約示复復病息究线線似官火断斷精满滿支视視消越器容",
  "照须須九增研写寫称稱企八功吗嗎包片史委乎查轻輕易早曾除农農找装裝广廣显",
  "顯吧阿李标標谈談吃图圖念六引历歷首医醫局突专專费費号號尽盡另周较較注语",
  "語仅僅考落青随隨选選列武红紅响響虽雖推势勢参參希古众眾构構房半节節土投",
  "某案黑维維革划劃敌敵致陈陳律足态態护護七兴興派孩验驗责責营營星够夠章音",
  "跟志底站严嚴巴例防族供效续續施留讲講型料终終答紧緊黄黃绝絕奇察母京段依",
  "批群项項故按河米围圍江织織害斗鬥双雙境客纪紀采采举舉杀殺攻父苏蘇密低朝",
  "友诉訴止细細愿願千值仍男钱錢破网網热熱助倒育属屬坐帝限船脸臉职職速刻乐",
  "樂否刚剛威毛状狀率甚独獨球般普怕弹彈校苦创創假久错錯承印晚兰蘭试試股拿",
  "脑腦预預谁誰益阳陽若哪微尼继繼送急血惊驚伤傷素药藥适適波夜省初喜卫衛源",
  "食险險待述陆陸习習置居劳勞财財环環排福纳納欢歡雷警获獲模充负負云雲停木",
  "游龙龍树樹疑层層冷洲冲衝射略范範竟句室异異激汉漢村哈策演简簡卡罪判担擔",
  "州静靜退既衣您宗积積余餘痛检檢差富灵靈协協角占配征修皮挥揮胜勝降阶階审",
  "審沉坚堅善妈媽刘劉读讀啊超免压壓银銀买買皇养養伊怀懷执執副乱亂抗犯追帮",
  "幫宣佛岁歲航优優怪香著田铁鐵控税稅左右份穿艺藝背阵陣草脚腳概恶惡块塊顿",
  "頓敢守酒岛島托央户戶烈洋哥索胡款靠评評版宝寶座释釋景顾顧弟登货貨互付伯",
  "慢欧歐换換闻聞危忙核暗姐介坏壞讨討丽麗良序升监監临臨亮露永呼味野架域沙",
  "掉括舰艦鱼魚杂雜误誤湾灣吉减減编編楚肯测測败敗屋跑梦夢散温溫困剑劍渐漸",
  "封救贵貴枪槍缺楼樓县縣尚毫移娘朋画畫班智亦耳恩短掌恐遗遺固席松秘谢謝鲁",
  "魯遇康虑慮幸均销銷钟鐘诗詩藏赶趕剧劇票损損忽巨炮旧舊端探湖录錄叶葉春乡",
  "鄉附吸予礼禮港雨呀板庭妇婦归歸睛饭飯额額含顺順输輸摇搖招婚脱脫补補谓謂",
  "督毒油疗療旅泽澤材灭滅逐莫笔筆亡鲜鮮词詞圣聖择擇寻尋厂廠睡博勒烟煙授诺",
  "諾伦倫岸奥奧唐卖賣俄炸载載洛健堂旁宫宮喝借君禁阴陰园園谋謀宋避抓荣榮姑",
  "孙孫逃牙束跳顶頂玉镇鎮雪午练練迫爷爺篇肉嘴馆館遍凡础礎洞卷坦牛宁寧纸紙",
  "诸諸训訓私庄莊祖丝絲翻暴森塔默握戏戲隐隱熟骨访訪弱蒙歌店鬼软軟典欲萨薩",
  "伙遭盘盤爸扩擴盖蓋弄雄稳穩忘亿億刺拥擁徒姆杨楊齐齊赛賽趣曲刀床迎冰虚虛",
  "玩析窗醒妻透购購替塞努休虎扬揚途侵刑绿綠兄迅套贸貿毕畢唯谷谷轮輪库庫迹",
  "跡尤竞競街促延震弃棄甲伟偉麻川申缓緩潜潛闪閃售灯燈针針哲络絡抵朱埃抱鼓",
  "植纯純夏忍页頁杰筑築折郑鄭贝貝尊吴吳秀混臣雅振染盛怒舞圆圓搞狂措姓残殘",
  "秋培迷诚誠宽寬宇猛摆擺梅毁毀伸摩盟末乃悲拍丁赵趙判",
  NULL
};

/* Which of the characters of HAN_COMMON a decoding gives, counted: the
** characters (all in U+4E00..U+9FFF) are set in a bitmap first. */
static size_t han_score (const char *str, size_t n) {
  unsigned char map[(0xA000 - 0x4E00) / 8];
  const unsigned char *s = (const unsigned char *)str;
  size_t i = 0, k, count = 0;
  memset(map, 0, sizeof map);
  for (k = 0; HAN_COMMON[k] != NULL; k++) {
    const unsigned char *h = (const unsigned char *)HAN_COMMON[k];
    for (; h[0] && h[1] && h[2]; h += 3) {
      unsigned long v = ((unsigned long)(h[0] & 0x0F) << 12)
                        | ((unsigned long)(h[1] & 0x3F) << 6) | (h[2] & 0x3F);
      if (v >= 0x4E00 && v < 0xA000) map[(v - 0x4E00) >> 3] |= (unsigned char)(1u << (v & 7));
    }
  }
  while (i < n) {
    if (s[i] >= 0xE0 && s[i] < 0xF0 && i + 3 <= n) {
      unsigned long v = ((unsigned long)(s[i] & 0x0F) << 12)
                        | ((unsigned long)(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
      if (v >= 0x4E00 && v < 0xA000 && (map[(v - 0x4E00) >> 3] & (1u << (v & 7))))
        count++;
      i += 3;
    } else {
      i++;
    }
  }
  return count;
}

/* How a decoding reads as Russian: the share (in percent) of its
** characters past ASCII that are lowercase Cyrillic letters, and -1 when
** fewer than 80% of them are Cyrillic letters or the usual punctuation
** (« » – — … № “ ” „ ’), or when a Cyrillic letter touches a Latin one
** (a Latin-1 "Café" read as Windows-1251 gives "Cafй"). */
static int cyr_score (const char *str, size_t n) {
  const unsigned char *s = (const unsigned char *)str;
  size_t i = 0, other = 0, lower = 0, fit = 0;
  int prev = 0;   /* the class of the character before: 1 Latin, 2 Cyrillic letter */
  while (i < n) {
    unsigned long v;
    int cls;
    if (s[i] < 0x80) {
      cls = ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z') ? 1 : 0;
      if (cls + prev == 3) return -1;   /* a Latin letter beside a Cyrillic one */
      prev = cls;
      i++;
      continue;
    }
    if (s[i] < 0xE0) {
      v = ((unsigned long)(s[i] & 0x1F) << 6) | (s[i + 1] & 0x3F);
      i += 2;
    } else {
      v = ((unsigned long)(s[i] & 0x0F) << 12)
          | ((unsigned long)(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
      i += 3;
    }
    other++;
    cls = ((v >= 0x410 && v <= 0x44F) || v == 0x401 || v == 0x451) ? 2 : 0;
    if (cls + prev == 3) return -1;
    prev = cls;
    if ((v >= 0x430 && v <= 0x44F) || v == 0x451) lower++;
    if ((v >= 0x410 && v <= 0x44F) || v == 0x401 || v == 0x451 || v == 0xAB
        || v == 0xBB || v == 0x2013 || v == 0x2014 || v == 0x2026
        || v == 0x2116 || (v >= 0x2018 && v <= 0x201E) || v == 0xA0)
      fit++;
  }
  if (other == 0 || fit * 5 < other * 4) return -1;
  return (int)(lower * 100 / other);
}

/*
** Detects the legacy encoding of in[0..n), which is not UTF-8, and
** decodes it into out. The double-byte Chinese encodings come first: a
** Russian text almost never decodes as either (a lone letter before a
** space or a full stop is not a valid pair). When GB18030 and Big5 both
** decode, the one whose text holds more of the common Han characters
** wins (GB18030 on a tie). Else the single-byte Russian encodings, which
** decode any bytes: the one whose letters are mostly lowercase wins
** (Windows-1251 and KOI8-R swap the cases), and neither when its text is
** not mostly Cyrillic letters. Returns the encoding or NULL when none
** fits; SN_X_NOMEM through *st.
*/
static const char *detect (const char *in, size_t n, sn_buf *out, int *st) {
  static const char *const cjk[] = { "GB18030", "BIG5" };
  static const char *const cyr[] = { "WINDOWS-1251", "KOI8-R" };
  const char *best = NULL;
  long best_score = -1;
  size_t bad, i;
  *st = SN_X_OK;
  for (i = 0; i < 2; i++) {
    sn_buf tmp = {0};
    int r = convert(cjk[i], in, n, &tmp, &bad);
    if (r == SN_X_OK && utf8_bad(tmp.p, tmp.n) == tmp.n) {
      long score = (long)han_score(tmp.p, tmp.n);
      if (score > best_score) { best_score = score; best = cjk[i]; }
    } else if (r == SN_X_NOMEM || r == SN_X_TOOBIG) {
      *st = r;
    }
    free(tmp.p);
  }
  if (best == NULL && *st == SN_X_OK) {
    for (i = 0; i < 2; i++) {
      sn_buf tmp = {0};
      int r = convert(cyr[i], in, n, &tmp, &bad);
      if (r == SN_X_OK) {
        long score = cyr_score(tmp.p, tmp.n);
        if (score >= 0 && score > best_score) { best_score = score; best = cyr[i]; }
      } else if (r == SN_X_NOMEM || r == SN_X_TOOBIG) {
        *st = r;
      }
      free(tmp.p);
    }
  }
  if (best == NULL || *st != SN_X_OK) return NULL;
  *st = convert(best, in, n, out, &bad);
  return *st == SN_X_OK ? best : NULL;
}

/* Whether s[0..n) holds a control character that text does not (NUL and
** the C0 controls but tab, line feed, form feed and carriage return). */
static int has_control (const char *s, size_t n) {
  size_t i;
  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r')
      return 1;
  }
  return 0;
}

/*
** Decodes in[0..n) (a text file) into out as UTF-8: from encoding when
** it is given, else as detected (see the head of this file). Sets
** doc->encoding, or doc->bad and SN_X_ENCODING.
*/
static int decode (const char *in, size_t n, const char *encoding,
                   sn_doc *doc, sn_buf *out, char *err, size_t errlen) {
  const unsigned char *u = (const unsigned char *)in;
  size_t skip = 0, bad = 0, i;
  int st;
  if (encoding != NULL) {
    const char *name = encoding;
    for (i = 0; sn_encodings[i] != NULL; i++)
      if (strcasecmp(sn_encodings[i], encoding) == 0) name = sn_encodings[i];
    if (strcasecmp(name, "UTF-8") == 0 && n >= 3 && u[0] == 0xEF
        && u[1] == 0xBB && u[2] == 0xBF)
      skip = 3;
    st = convert(name, in + skip, n - skip, out, &bad);
    if (st < 0) {
      sn_seterr(err, errlen, "unknown encoding '%s'", encoding);
      return SN_X_ENCODING;
    }
    if (st == SN_X_ENCODING) {
      doc->bad = bad + skip;
      doc->has_bad = 1;
      sn_seterr(err, errlen, "not valid %s text (invalid byte at offset %lu)",
                name, (unsigned long)doc->bad + 1);
      return st;
    }
    doc->encoding = name;
    for (i = 0; sn_encodings[i] != NULL; i++)
      if (sn_encodings[i] == name) return st;
    doc->encoding = "given";
    return st;
  }
  if (n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
    const char *name = u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
    st = convert(name, in + 2, n - 2, out, &bad);
    if (st == SN_X_ENCODING) {
      doc->bad = bad + 2;
      doc->has_bad = 1;
      sn_seterr(err, errlen, "not valid %s text (invalid byte at offset %lu)",
                name, (unsigned long)doc->bad + 1);
    }
    doc->encoding = name;
    return st;
  }
  if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) skip = 3;
  bad = skip + utf8_bad(in + skip, n - skip);
  if (bad == n) {
    buf_add(out, in + skip, n - skip);
    doc->encoding = sn_encodings[0];
    return out->oom ? buf_status(out, err, errlen) : SN_X_OK;
  }
  if (skip == 0 && !has_control(in, n)) {
    doc->encoding = detect(in, n, out, &st);
    if (st != SN_X_OK) return buf_status(out, err, errlen);
    if (doc->encoding != NULL) return SN_X_OK;
  }
  doc->bad = bad;
  doc->has_bad = 1;
  sn_seterr(err, errlen, "not UTF-8 text (invalid byte at offset %lu)",
            (unsigned long)bad + 1);
  return SN_X_ENCODING;
}


/* ------------------------------------------------------------------ */
/* Dates */

/* Sets *out to the leading ISO date (YYYY-MM-DD, YYYY-MM or YYYY) of s,
** or leaves it NULL. */
static void set_date (char **out, const char *s) {
  size_t n = 0;
  char d[11];
  if (s == NULL || *out != NULL) return;
  while (*s == ' ') s++;
  if (strncmp(s, "D:", 2) == 0) {   /* a PDF date: D:YYYYMMDD... */
    s += 2;
    while (n < 8 && s[n] >= '0' && s[n] <= '9') n++;
    if (n < 4) return;
    memcpy(d, s, 4);
    if (n >= 6) { d[4] = '-'; memcpy(d + 5, s + 4, 2); }
    if (n >= 8) { d[7] = '-'; memcpy(d + 8, s + 6, 2); }
    d[n >= 8 ? 10 : n >= 6 ? 7 : 4] = '\0';
  } else {
    static const char pat[] = "dddd-dd-dd";
    while (n < 10 && (pat[n] == 'd' ? (s[n] >= '0' && s[n] <= '9') : s[n] == '-'))
      n++;
    if (n != 4 && n != 7 && n != 10) n = n >= 7 ? 7 : n >= 4 ? 4 : 0;
    if (n == 0) return;
    memcpy(d, s, n);
    d[n] = '\0';
  }
  *out = dup_str(d);
}

/* Sets *out to a copy of s with its white space collapsed, unless it is
** set already or s holds no text. */
static void set_meta (char **out, const char *s) {
  sn_buf b = {0};
  if (s == NULL || *out != NULL) return;
  block_text(&b, s, strlen(s));
  while (b.n > 0 && b.p[b.n - 1] == ' ') b.p[--b.n] = '\0';
  if (b.n > 0 && !b.oom) *out = b.p;
  else free(b.p);
}


/* ------------------------------------------------------------------ */
/* HTML */

/* Elements whose content is not the document's text. */
static const char *const HTML_DROP[] = {
  "script", "style", "nav", "header", "footer", "aside", "noscript",
  "template", "iframe", "svg", "head", "form", "button", "select", NULL
};

/* Elements that end the block before them and after them. */
static const char *const HTML_BLOCK[] = {
  "p", "li", "blockquote", "pre", "div", "section", "article", "main",
  "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th", "caption",
  "figure", "figcaption", "address", "hr", "body", NULL
};

static int in_list (const char *const *list, const char *name) {
  size_t i;
  for (i = 0; list[i] != NULL; i++)
    if (strcasecmp(list[i], name) == 0) return 1;
  return 0;
}

typedef struct Walk {
  sn_buf *out, blk;
} Walk;

static void html_walk (Walk *w, xmlNode *node) {
  for (; node != NULL; node = node->next) {
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      if (node->content)
        block_text(&w->blk, (const char *)node->content,
                   strlen((const char *)node->content));
    } else if (node->type == XML_ELEMENT_NODE) {
      const char *name = (const char *)node->name;
      int level = 0;
      if (in_list(HTML_DROP, name)) continue;
      if ((name[0] == 'h' || name[0] == 'H') && name[1] >= '1' && name[1] <= '6'
          && name[2] == '\0')
        level = name[1] - '0';
      if (strcasecmp(name, "br") == 0) {
        block_text(&w->blk, " ", 1);
      } else if (level > 0 || in_list(HTML_BLOCK, name)) {
        block_end(w->out, &w->blk, 0);
        html_walk(w, node->children);
        block_end(w->out, &w->blk, level);
      } else {
        html_walk(w, node->children);
      }
    }
  }
}

/* The value of attribute name of node (to free with xmlFree), or NULL. */
static char *attr (xmlNode *node, const char *name) {
  return (char *)SN_XML(xmlGetProp)(node, (const xmlChar *)name);
}

/* Title, author and date from the head of an HTML document. */
static void html_meta (sn_doc *doc, xmlNode *node) {
  for (; node != NULL; node = node->next) {
    if (node->type != XML_ELEMENT_NODE) continue;
    if (strcasecmp((const char *)node->name, "title") == 0) {
      xmlChar *t = SN_XML(xmlNodeGetContent)(node);
      set_meta(&doc->title, (const char *)t);
      SN_XML(xmlFree)(t);
    } else if (strcasecmp((const char *)node->name, "meta") == 0) {
      char *name = attr(node, "name"), *prop = attr(node, "property");
      char *content = attr(node, "content");
      const char *key = name ? name : prop;
      if (key && content) {
        if (strcasecmp(key, "author") == 0) set_meta(&doc->author, content);
        else if (strcasecmp(key, "date") == 0 || strcasecmp(key, "dcterms.date") == 0
                 || strcasecmp(key, "article:published_time") == 0)
          set_date(&doc->date, content);
      }
      SN_XML(xmlFree)(name);
      SN_XML(xmlFree)(prop);
      SN_XML(xmlFree)(content);
    }
    if (strcasecmp((const char *)node->name, "body") != 0)
      html_meta(doc, node->children);
  }
}

/* Whether the first KiB of an HTML document declares its charset. */
static int declares_charset (const char *s, size_t n) {
  size_t i, lim = n < 1024 ? n : 1024;
  for (i = 0; i + 7 <= lim; i++)
    if (strncasecmp(s + i, "charset", 7) == 0) return 1;
  return 0;
}

static int extract_html (const char *data, size_t n, const char *encoding,
                         sn_doc *doc, char *err, size_t errlen) {
  const int opts = HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET
                   | HTML_PARSE_RECOVER | HTML_PARSE_COMPACT;
  sn_buf utf8 = {0};
  htmlDocPtr h;
  Walk w;
  int st = SN_X_OK;
  const char *enc = encoding, *why;
  if ((why = sn_xml_load()) != NULL) {
    sn_seterr(err, errlen, "reading HTML needs %s", why);
    return SN_X_CORRUPT;
  }
  if (n > (size_t)0x7fffffff) {
    sn_seterr(err, errlen, "the file is too large");
    return SN_X_TOOBIG;
  }
  if (encoding == NULL && !declares_charset(data, n)) {
    /* no declaration: decode as a text file would be */
    st = decode(data, n, NULL, doc, &utf8, err, errlen);
    if (st != SN_X_OK) { free(utf8.p); return st; }
    data = utf8.p ? utf8.p : "";
    n = utf8.n;
    enc = "UTF-8";
  } else {
    doc->encoding = encoding;
  }
  h = SN_XML(htmlReadMemory)(data, (int)n, NULL, enc, opts);
  free(utf8.p);
  if (h == NULL) {
    sn_seterr(err, errlen, "not an HTML document");
    return SN_X_CORRUPT;
  }
  if (doc->encoding != NULL && doc->encoding == encoding) {
    size_t i;   /* a given encoding: its name as listed when it is */
    for (i = 0; sn_encodings[i] != NULL; i++)
      if (strcasecmp(sn_encodings[i], encoding) == 0) doc->encoding = sn_encodings[i];
    if (doc->encoding == encoding) doc->encoding = "given";
  } else if (enc == NULL) {
    size_t i;   /* declared: the declaration's name as listed, if it is */
    doc->encoding = "declared";
    for (i = 0; h->encoding != NULL && sn_encodings[i] != NULL; i++)
      if (strcasecmp(sn_encodings[i], (const char *)h->encoding) == 0)
        doc->encoding = sn_encodings[i];
  }
  memset(&w, 0, sizeof w);
  w.out = &doc->text;
  html_meta(doc, SN_XML(xmlDocGetRootElement)(h));
  html_walk(&w, SN_XML(xmlDocGetRootElement)(h));
  block_end(w.out, &w.blk, 0);
  free(w.blk.p);
  SN_XML(xmlFreeDoc)(h);
  doc->markdown = 1;
  return st;
}


/* ------------------------------------------------------------------ */
/* DOCX */

/* Reads member name of the zip archive into b (at most SN_EXTRACT_MAX
** bytes, whatever its header says). Returns SN_X_OK, or a failure;
** a missing member is SN_X_CORRUPT when required, else SN_X_OK with b
** empty. */
static int zip_member (zip_t *z, const char *name, int required, sn_buf *b,
                       char *err, size_t errlen) {
  zip_file_t *f = SN_ZIP(zip_fopen)(z, name, 0);
  char tmp[8192];
  zip_int64_t got;
  if (f == NULL) {
    if (!required) return SN_X_OK;
    sn_seterr(err, errlen, "not a DOCX document (no %s)", name);
    return SN_X_CORRUPT;
  }
  while ((got = SN_ZIP(zip_fread)(f, tmp, sizeof tmp)) > 0) {
    buf_add(b, tmp, (size_t)got);
    if (b->oom) break;
  }
  SN_ZIP(zip_fclose)(f);
  if (b->oom == 2) {
    sn_seterr(err, errlen, "%s inflates past %lu MB", name,
              (unsigned long)(SN_EXTRACT_MAX >> 20));
    return SN_X_TOOBIG;
  }
  if (b->oom) return buf_status(b, err, errlen);
  if (got < 0) {
    sn_seterr(err, errlen, "corrupt DOCX document (%s does not inflate)", name);
    return SN_X_CORRUPT;
  }
  return SN_X_OK;
}

static xmlDocPtr xml_read (const sn_buf *b) {
  if (b->n == 0 || b->n > (size_t)0x7fffffff) return NULL;
  return SN_XML(xmlReadMemory)(b->p, (int)b->n, NULL, NULL,
                       XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NONET
                       | XML_PARSE_NOCDATA | XML_PARSE_COMPACT);
}

static int is (const xmlNode *node, const char *name) {
  return node->type == XML_ELEMENT_NODE
         && strcmp((const char *)node->name, name) == 0;
}

/* The w:val attribute of the first child element name of node. */
static char *child_val (xmlNode *node, const char *name) {
  for (node = node ? node->children : NULL; node != NULL; node = node->next)
    if (is(node, name)) {
      char *v = (char *)SN_XML(xmlGetNsProp)(node, (const xmlChar *)"val",
                                     node->ns ? node->ns->href : NULL);
      return v ? v : attr(node, "val");
    }
  return NULL;
}

/* Heading styles of styles.xml: style ids with an outline level (0..5,
** heading level - 1) or named "heading N" / "Title". */
typedef struct Style {
  char *id;
  int level;
} Style;

typedef struct Styles {
  Style *v;
  size_t n;
} Styles;

static int style_level (const char *name) {
  if (name == NULL) return 0;
  if (strcasecmp(name, "title") == 0) return 1;
  if (strncasecmp(name, "heading", 7) == 0) {
    const char *d = name + 7;
    if (*d == ' ') d++;
    if (*d >= '1' && *d <= '6' && d[1] == '\0') return *d - '0';
  }
  return 0;
}

static int outline_level (xmlNode *ppr) {
  char *v = child_val(ppr, "outlineLvl");
  int level = 0;
  if (v && v[0] >= '0' && v[0] <= '5' && v[1] == '\0') level = v[0] - '0' + 1;
  SN_XML(xmlFree)(v);
  return level;
}

static void styles_read (Styles *st, xmlDocPtr d) {
  xmlNode *node = d ? SN_XML(xmlDocGetRootElement)(d) : NULL;
  size_t cap = 0;
  for (node = node ? node->children : NULL; node != NULL; node = node->next) {
    xmlNode *c;
    char *id, *name = NULL;
    int level = 0;
    if (!is(node, "style")) continue;
    for (c = node->children; c != NULL; c = c->next) {
      if (is(c, "pPr")) level = outline_level(c);
    }
    name = child_val(node, "name");
    if (level == 0) level = style_level(name);
    SN_XML(xmlFree)(name);
    if (level == 0) continue;
    id = (char *)SN_XML(xmlGetNsProp)(node, (const xmlChar *)"styleId",
                              node->ns ? node->ns->href : NULL);
    if (id == NULL) continue;
    if (st->n == cap) {
      Style *v = (Style *)realloc(st->v, (cap ? cap * 2 : 8) * sizeof *v);
      if (v == NULL) { SN_XML(xmlFree)(id); return; }
      st->v = v;
      cap = cap ? cap * 2 : 8;
    }
    st->v[st->n].id = id;
    st->v[st->n].level = level;
    st->n++;
  }
}

static void styles_free (Styles *st) {
  size_t i;
  for (i = 0; i < st->n; i++) SN_XML(xmlFree)(st->v[i].id);
  free(st->v);
}

/* The text of the runs under node (w:t, w:tab and w:br as a space). */
static void docx_runs (sn_buf *blk, xmlNode *node) {
  for (; node != NULL; node = node->next) {
    if (is(node, "t")) {
      xmlChar *t = SN_XML(xmlNodeGetContent)(node);
      if (t) block_text(blk, (const char *)t, strlen((const char *)t));
      SN_XML(xmlFree)(t);
    } else if (is(node, "tab") || is(node, "br") || is(node, "cr")) {
      block_text(blk, " ", 1);
    } else if (is(node, "pPr") || is(node, "rPr") || is(node, "instrText")
               || is(node, "delText")) {
      continue;
    } else if (node->type == XML_ELEMENT_NODE) {
      docx_runs(blk, node->children);
    }
  }
}

static void docx_walk (Walk *w, const Styles *st, xmlNode *node) {
  for (; node != NULL; node = node->next) {
    if (is(node, "p")) {
      xmlNode *c;
      int level = 0;
      for (c = node->children; c != NULL; c = c->next) {
        if (is(c, "pPr")) {
          char *sty = child_val(c, "pStyle");
          size_t i;
          level = outline_level(c);
          for (i = 0; level == 0 && sty && i < st->n; i++)
            if (strcmp(st->v[i].id, sty) == 0) level = st->v[i].level;
          if (level == 0) level = style_level(sty);
          SN_XML(xmlFree)(sty);
        }
      }
      block_end(w->out, &w->blk, 0);
      docx_runs(&w->blk, node->children);
      block_end(w->out, &w->blk, level);
    } else if (node->type == XML_ELEMENT_NODE) {
      docx_walk(w, st, node->children);
    }
  }
}

static void docx_meta (sn_doc *doc, xmlNode *node) {
  for (; node != NULL; node = node->next) {
    xmlChar *t;
    if (node->type != XML_ELEMENT_NODE) continue;
    t = SN_XML(xmlNodeGetContent)(node);
    if (is(node, "title")) set_meta(&doc->title, (const char *)t);
    else if (is(node, "creator")) set_meta(&doc->author, (const char *)t);
    else if (is(node, "created")) set_date(&doc->date, (const char *)t);
    SN_XML(xmlFree)(t);
  }
}

static int extract_docx (const char *data, size_t n, sn_doc *doc, char *err,
                         size_t errlen) {
  zip_error_t ze;
  zip_source_t *src;
  zip_t *z;
  sn_buf body = {0}, styles = {0}, core = {0};
  xmlDocPtr d = NULL, sd = NULL, cd = NULL;
  Styles st = {0};
  Walk w;
  const char *why;
  int rc;
  if ((why = sn_zip_load()) != NULL || (why = sn_xml_load()) != NULL) {
    sn_seterr(err, errlen, "reading DOCX needs %s", why);
    return SN_X_CORRUPT;
  }
  SN_ZIP(zip_error_init)(&ze);
  src = SN_ZIP(zip_source_buffer_create)(data, n, 0, &ze);
  z = src ? SN_ZIP(zip_open_from_source)(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze) : NULL;
  if (z == NULL) {
    if (src) SN_ZIP(zip_source_free)(src);
    sn_seterr(err, errlen, "not a DOCX document (%s)", SN_ZIP(zip_error_strerror)(&ze));
    SN_ZIP(zip_error_fini)(&ze);
    return SN_X_CORRUPT;
  }
  SN_ZIP(zip_error_fini)(&ze);
  rc = zip_member(z, "word/document.xml", 1, &body, err, errlen);
  if (rc == SN_X_OK) rc = zip_member(z, "word/styles.xml", 0, &styles, err, errlen);
  if (rc == SN_X_OK) rc = zip_member(z, "docProps/core.xml", 0, &core, err, errlen);
  SN_ZIP(zip_discard)(z);
  if (rc == SN_X_OK) {
    d = xml_read(&body);
    if (d == NULL || SN_XML(xmlDocGetRootElement)(d) == NULL) {
      sn_seterr(err, errlen, "corrupt DOCX document (word/document.xml is "
                "not XML)");
      rc = SN_X_CORRUPT;
    }
  }
  if (rc == SN_X_OK) {
    sd = xml_read(&styles);
    cd = xml_read(&core);
    styles_read(&st, sd);
    if (cd) docx_meta(doc, SN_XML(xmlDocGetRootElement)(cd)->children);
    memset(&w, 0, sizeof w);
    w.out = &doc->text;
    docx_walk(&w, &st, SN_XML(xmlDocGetRootElement)(d));
    block_end(w.out, &w.blk, 0);
    free(w.blk.p);
    doc->markdown = 1;
  }
  styles_free(&st);
  if (d) SN_XML(xmlFreeDoc)(d);
  if (sd) SN_XML(xmlFreeDoc)(sd);
  if (cd) SN_XML(xmlFreeDoc)(cd);
  free(body.p);
  free(styles.p);
  free(core.p);
  return rc;
}


/* ------------------------------------------------------------------ */
/* PDF */

/* Whether the UTF-8 character ending at s[n-1] / starting at s[0] is
** Han, kana or CJK punctuation (lines of such text join with no space). */
static int cjk_at (const unsigned char *s, size_t n, int end) {
  unsigned long v;
  size_t i;
  if (n == 0) return 0;
  i = end ? n - 1 : 0;
  if (end) while (i > 0 && (s[i] & 0xC0) == 0x80) i--;
  if (s[i] < 0xE0 || s[i] >= 0xF0 || n - i < 3) return 0;
  v = ((unsigned long)(s[i] & 0x0F) << 12) | ((unsigned long)(s[i + 1] & 0x3F) << 6)
      | (s[i + 2] & 0x3F);
  return (v >= 0x3000 && v <= 0x30FF) || (v >= 0x3400 && v <= 0x9FFF)
         || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0xFF00 && v <= 0xFFEF);
}

/*
** poppler-glib is loaded when the first PDF is read, not with the
** library (sn_libs.h): linked in, it and the libraries it needs (glib,
** cairo, the C++ poppler) took 6.4 ms of every process's start-up and
** their pages a few MB of its memory (bench/cli.lua). Calls go through
** SN_PDF(f).
*/
#ifndef SN_POPPLER_SONAME
#define SN_POPPLER_SONAME "libpoppler-glib.so.8"
#endif

#define POPPLER_FUNCS(X) \
  X(poppler_document_new_from_bytes) X(poppler_document_get_n_pages) \
  X(poppler_document_get_page) X(poppler_document_get_title) \
  X(poppler_document_get_author) X(poppler_document_get_creation_date) \
  X(poppler_page_get_text) X(poppler_page_get_text_layout) \
  X(g_free) X(g_object_unref) X(g_error_free) X(g_bytes_new_static) \
  X(g_bytes_unref)

typedef struct sn_pdf_api { POPPLER_FUNCS(SN_LIB_PTR) } sn_pdf_api;
SN_LIB_DEFINE(pdf, SN_POPPLER_SONAME, POPPLER_FUNCS)

#define SN_PDF(f) (*sn_pdf.f)


/*
** The text of one page: poppler gives it line by line with the box of
** every character; a line that starts further below the one before than
** 0.8 of a line's height begins a new paragraph, else it continues the
** paragraph (with a space, or none between CJK characters).
*/
static void pdf_page (sn_buf *out, sn_buf *blk, PopplerPage *page) {
  char *text = SN_PDF(poppler_page_get_text)(page);
  PopplerRectangle *rects = NULL;
  guint nrects = 0;
  size_t i = 0, ci = 0, len;
  double prev_bottom = -1, prev_height = 0;
  if (text == NULL) return;
  if (!SN_PDF(poppler_page_get_text_layout)(page, &rects, &nrects)) nrects = 0;
  len = strlen(text);
  while (i < len) {
    size_t e = i, k;
    double top = -1, bottom = -1;
    while (e < len && text[e] != '\n') e++;
    /* the box of the line's first character (one box per character) */
    if (ci < nrects) {
      top = rects[ci].y1 < rects[ci].y2 ? rects[ci].y1 : rects[ci].y2;
      bottom = rects[ci].y1 < rects[ci].y2 ? rects[ci].y2 : rects[ci].y1;
    }
    for (k = i; k < e; k++)
      if (((unsigned char)text[k] & 0xC0) != 0x80) ci++;
    ci++;   /* the line's newline */
    if (prev_bottom >= 0 && top >= 0
        && top - prev_bottom > 0.8 * prev_height)
      block_end(out, blk, 0);
    {
      size_t a = i, b = e;
      while (a < b && (text[a] == ' ' || text[a] == '\t' || text[a] == '\r')) a++;
      while (b > a && (text[b - 1] == ' ' || text[b - 1] == '\t' || text[b - 1] == '\r')) b--;
      if (b > a) {
        if (blk->n > 0 && !(cjk_at((const unsigned char *)blk->p, blk->n, 1)
                             && cjk_at((const unsigned char *)text + a, b - a, 0)))
          block_text(blk, " ", 1);
        block_text(blk, text + a, b - a);
      } else {
        block_end(out, blk, 0);
      }
    }
    if (top >= 0) { prev_bottom = bottom; prev_height = bottom - top; }
    i = e + 1;
  }
  block_end(out, blk, 0);
  SN_PDF(g_free)(rects);
  SN_PDF(g_free)(text);
}

static int extract_pdf (const char *data, size_t n, sn_doc *doc, char *err,
                        size_t errlen) {
  GBytes *bytes;
  GError *gerr = NULL;
  PopplerDocument *pdf;
  sn_buf blk = {0};
  const char *why;
  int np, i;
  if ((why = sn_pdf_load()) != NULL) {
    sn_seterr(err, errlen, "reading PDF needs %s", why);
    return SN_X_CORRUPT;
  }
  bytes = SN_PDF(g_bytes_new_static)(data, n);
  pdf = SN_PDF(poppler_document_new_from_bytes)(bytes, NULL, &gerr);
  SN_PDF(g_bytes_unref)(bytes);
  if (pdf == NULL) {
    sn_seterr(err, errlen, "not a readable PDF document (%s)",
              gerr ? gerr->message : "poppler refused it");
    if (gerr) SN_PDF(g_error_free)(gerr);
    return SN_X_CORRUPT;
  }
  np = SN_PDF(poppler_document_get_n_pages)(pdf);
  doc->pages = (size_t *)calloc(np > 0 ? (size_t)np : 1, sizeof *doc->pages);
  if (doc->pages == NULL) {
    SN_PDF(g_object_unref)(pdf);
    sn_seterr(err, errlen, "out of memory");
    return SN_X_NOMEM;
  }
  for (i = 0; i < np; i++) {
    PopplerPage *page = SN_PDF(poppler_document_get_page)(pdf, i);
    size_t before = doc->text.n;
    if (page != NULL) {
      pdf_page(&doc->text, &blk, page);
      SN_PDF(g_object_unref)(page);
    }
    /* the page starts at its first block (after the blank line before it) */
    doc->pages[i] = before + (doc->text.n > before && before > 0 ? 2 : 0);
    if (doc->text.oom) break;
  }
  doc->npages = (size_t)np;
  free(blk.p);
  {
    gchar *t = SN_PDF(poppler_document_get_title)(pdf), *a = SN_PDF(poppler_document_get_author)(pdf);
    time_t when = SN_PDF(poppler_document_get_creation_date)(pdf);
    set_meta(&doc->title, t);
    set_meta(&doc->author, a);
    SN_PDF(g_free)(t);
    SN_PDF(g_free)(a);
    if (when != (time_t)-1) {
      struct tm tm;
      char d[16];
      if (gmtime_r(&when, &tm) && strftime(d, sizeof d, "%Y-%m-%d", &tm) == 10)
        set_date(&doc->date, d);
    }
  }
  SN_PDF(g_object_unref)(pdf);
  return SN_X_OK;
}


/* ------------------------------------------------------------------ */

/* Normalises line ends to LF in place. */
static void unix_lines (sn_buf *b) {
  size_t i, j = 0;
  for (i = 0; i < b->n; i++) {
    if (b->p[i] == '\r') {
      b->p[j++] = '\n';
      if (i + 1 < b->n && b->p[i + 1] == '\n') i++;
    } else {
      b->p[j++] = b->p[i];
    }
  }
  b->n = j;
  if (b->p) b->p[j] = '\0';
}

int sn_extract (const char *data, size_t n, int format, const char *encoding,
                sn_doc *doc, char *err, size_t errlen) {
  int st;
  size_t i;
  switch (format) {
  case SN_FMT_TEXT: case SN_FMT_MARKDOWN:
    st = decode(data, n, encoding, doc, &doc->text, err, errlen);
    doc->markdown = format == SN_FMT_MARKDOWN;
    break;
  case SN_FMT_HTML:
    st = extract_html(data, n, encoding, doc, err, errlen);
    text_end(&doc->text);
    break;
  case SN_FMT_DOCX:
    st = extract_docx(data, n, doc, err, errlen);
    text_end(&doc->text);
    break;
  case SN_FMT_PDF:
    st = extract_pdf(data, n, doc, err, errlen);
    text_end(&doc->text);
    break;
  default:
    sn_seterr(err, errlen, "unknown format");
    return SN_X_CORRUPT;
  }
  if (st == SN_X_OK && doc->text.oom) st = buf_status(&doc->text, err, errlen);
  if (st != SN_X_OK) return st;
  unix_lines(&doc->text);
  i = utf8_bad(doc->text.p, doc->text.n);
  if (i < doc->text.n) {   /* e.g. HTML that declares an encoding it breaks */
    sn_seterr(err, errlen, "does not decode as the encoding it declares (invalid "
              "UTF-8 at byte %lu of its text); give the encoding", (unsigned long)i + 1);
    return SN_X_ENCODING;
  }
  if (has_control(doc->text.p, doc->text.n) || memchr(doc->text.p ? doc->text.p : "", '\0', doc->text.n)) {
    for (i = 0; i < doc->text.n; i++) {
      unsigned char c = (unsigned char)doc->text.p[i];
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\f') break;
    }
    sn_seterr(err, errlen, "holds a control character (byte %lu of its text)",
              (unsigned long)i);
    return SN_X_ENCODING;
  }
  for (i = 0; i < doc->text.n; i++) {
    char c = doc->text.p[i];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\f') return SN_X_OK;
  }
  sn_seterr(err, errlen, "holds no text");
  return SN_X_EMPTY;
}


unsigned long long sn_text_hash (const char *s, size_t n) {
  unsigned long long h = 14695981039346656037ULL;   /* FNV-1a, 64 bits */
  size_t i;
  int space = 0, any = 0;
  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = any;
      continue;
    }
    if (space) { h ^= ' '; h *= 1099511628211ULL; space = 0; }
    h ^= c;
    h *= 1099511628211ULL;
    any = 1;
  }
  return h;
}
