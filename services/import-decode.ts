/**
 * Decoding copy files: UTF-8 (with or without BOM), UTF-16 with a BOM, GB 18030 and Big5.
 * Detection: strict UTF-8 first; otherwise both Chinese decodes are scored by the share of
 * common Han characters they produce (the wrong one yields rare characters and U+FFFD).
 */
import iconv from 'iconv-lite';

/** A decoded text and the encoding it was read as. */
export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';
}

/** Frequent Han characters, simplified and traditional (a few hundred cover most newspaper text). */
const COMMON = new Set(
  '的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组落视济喜离虽坏兴切标证' +
    '這個們來時為說國過會後對發學經還當樣現與麼沒從開見長關問動頭點種應裡實進體間無機電話義東兩歲業產結區聽數設記請變認員書門將幾條讀處萬讓總術議權親師單級質論團運邊錢務隊導華報張難達車軍聲鄉頁縣負責黨幹並據領議歷',
);

const isHan = (cp: number) => (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf);

/** How Chinese a decode looks: share of Han characters that are common, minus replacement characters. */
export function chineseScore(text: string): number {
  let han = 0;
  let common = 0;
  let bad = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0xfffd) bad++;
    else if (isHan(cp)) {
      han++;
      if (COMMON.has(ch)) common++;
    }
  }
  if (!han) return bad ? -1 : 0;
  return common / han - (bad / Math.max(1, han)) * 2;
}

/** Why a file could not be read as text; the message names the file. */
export class DecodeError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'DecodeError';
  }
}

/** Control characters other than tab, line feed, form feed and carriage return: a sign of binary data. */
function controlShare(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0x7f) n++;
  }
  return n / Math.max(1, text.length);
}

/** Decodes a copy file's bytes, or throws DecodeError naming the file and the problem. */
export function decodeText(bytes: Uint8Array, file: string): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  if (buf.includes(0)) throw new DecodeError(file, 'this is a binary file (it contains NUL bytes), not text');
  let result: Decoded | null = null;
  try {
    const start = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
    result = { text: new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(start)), encoding: 'utf-8' };
  } catch {
    const gb = iconv.decode(buf, 'gb18030');
    const big5 = iconv.decode(buf, 'big5');
    const sg = chineseScore(gb);
    const sb = chineseScore(big5);
    const best = sb > sg ? { text: big5, encoding: 'big5' as const, score: sb } : { text: gb, encoding: 'gb18030' as const, score: sg };
    if (best.score < 0.2) throw new DecodeError(file, 'the text is not in UTF-8, GB 18030 or Big5 (no decoding gives readable Chinese); save it as UTF-8 and try again');
    result = { text: best.text, encoding: best.encoding };
  }
  if (controlShare(result.text) > 0.01) throw new DecodeError(file, 'this looks like a binary file (control characters), not text');
  return result;
}
