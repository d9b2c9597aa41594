import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLanguage, detectLanguage } from './language.ts';
import { ParleyError } from '../domain/errors.ts';

// Sentences written for these tests: a few lines of a made-up report in each language.
const cases: [expected: string, text: string][] = [
  ['English', 'The two delegations met on Tuesday in Geneva and agreed to meet again next month, the envoy said.'],
  ['English', 'Staffan de Mistura met Ahmad al-Jarba, Jean-Yves Le Drian, Luis de la Cruz del Valle and Pieter van der Berg in Los Angeles; Abu Mohammed al-Golani and Bin Salman were not there, said Ana dos Santos da Silva.'],
  ['English', 'Tareq al-Hashimi told reporters in Ramallah that Sheikh Abdel-Rahman el-Sayed of Deir ez-Zor would travel with Dmitri Peskov and Xi Jinping’s envoy to the talks.'],
  ['English', 'The UN envoy said: “Nous sommes prêts à discuter,” before turning to the delegates, who said they were ready to meet in Paris next week after the failure of the last round.'],
  ['French', 'Les deux délégations se sont rencontrées mardi à Genève et ont accepté de se revoir le mois prochain, a déclaré l’envoyé.'],
  ['Spanish', 'Las dos delegaciones se reunieron el martes en Ginebra y acordaron volver a verse el próximo mes, según dijo el enviado.'],
  ['Portuguese', 'As duas delegações reuniram-se na terça-feira em Genebra e concordaram em voltar a encontrar-se no próximo mês, disse o enviado.'],
  ['Italian', 'Le due delegazioni si sono incontrate martedì a Ginevra e hanno deciso di rivedersi il mese prossimo, ha detto l’inviato.'],
  ['German', 'Die beiden Delegationen trafen sich am Dienstag in Genf und vereinbarten, sich im nächsten Monat wieder zu treffen, sagte der Gesandte.'],
  ['Dutch', 'De twee delegaties kwamen dinsdag in Genève bijeen en spraken af om elkaar volgende maand weer te zien, zei de gezant.'],
  ['Polish', 'Obie delegacje spotkały się we wtorek w Genewie i uzgodniły, że spotkają się ponownie w przyszłym miesiącu, powiedział wysłannik.'],
  ['Turkish', 'İki heyet salı günü Cenevre’de bir araya geldi ve gelecek ay yeniden görüşmek için anlaştı, dedi temsilci.'],
  ['Swedish', 'De två delegationerna träffades i Genève på tisdagen och kom överens om att ses igen nästa månad, sade sändebudet.'],
  ['Arabic', 'التقى الوفدان يوم الثلاثاء في جنيف واتفقا على الاجتماع مجددا الشهر المقبل، بحسب المبعوث.'],
  ['Persian', 'دو هیئت روز سه‌شنبه در ژنو دیدار کردند و توافق کردند که ماه آینده دوباره گفتگو کنند.'],
  ['Russian', 'Две делегации встретились во вторник в Женеве и договорились встретиться снова в следующем месяце, сказал посланник.'],
  ['Ukrainian', 'Дві делегації зустрілися у вівторок у Женеві та домовилися знову зустрітися наступного місяця.'],
  ['Hebrew', 'שתי המשלחות נפגשו ביום שלישי בז׳נבה והסכימו להיפגש שוב בחודש הבא, אמר השליח.'],
  ['Greek', 'Οι δύο αντιπροσωπείες συναντήθηκαν την Τρίτη στη Γενεύη και συμφώνησαν να ξανασυναντηθούν τον επόμενο μήνα.'],
  ['Chinese', '两国代表团星期二在日内瓦会面，并同意下个月再次会谈，特使说。'],
  ['Japanese', '両代表団は火曜日にジュネーブで会談し、来月再び会うことで合意したと特使は述べた。'],
  ['Korean', '두 대표단은 화요일 제네바에서 만나 다음 달에 다시 만나기로 합의했다고 특사가 말했다.'],
  ['Hindi', 'दोनों प्रतिनिधिमंडल मंगलवार को जिनेवा में मिले और अगले महीने फिर मिलने पर सहमत हुए।'],
  // Too short to tell: let through.
  ['English', 'Hola amigos.'],
];

for (const [expected, text] of cases) {
  test(`language: ${expected}: ${text.slice(0, 40)}`, () => assert.equal(detectLanguage(text), expected));
}

test('checkLanguage names the language and the file', () => {
  assert.throws(() => checkLanguage(cases[4]![1], 'a.txt'), (e: unknown) => {
    assert.ok(e instanceof ParleyError);
    assert.equal(e.code, 'UNSUPPORTED_LANGUAGE');
    assert.equal(e.line(), 'a.txt: is in French; only English is extracted for now');
    return true;
  });
  assert.doesNotThrow(() => checkLanguage(cases[0]![1], 'b.txt'));
});
