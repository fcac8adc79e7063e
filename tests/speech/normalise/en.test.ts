import { describe, expect, it } from 'vitest';
import { codeNumber, english, version } from '../../../src/speech/normalise/en.js';
import { spokenWith, type Case } from '../../helpers/normalise.js';

// The spoken forms of issue 15, rule by rule.
const CASES: readonly Case[] = [
  ['12-hour clock with capitals', 'Doors open at 9:00 AM today.', 'Doors open at nine A.M today.'],
  ['12-hour clock with stops', 'It ends at 5:45 p.m. sharp.', 'It ends at five forty-five P.M sharp.'],
  ['whole hour in running text', 'I get in around 9:00 most days.', "I get in around nine o'clock most days."],
  ['24-hour clock', 'The train leaves at 17:30.', 'The train leaves at seventeen thirty.'],
  ['time range is said with until, not to', 'Office hours: 10:00 - 10:40 a.m. daily.', 'Office hours: ten until ten forty A.M daily.'],
  ['time range across noon', 'From 11 a.m.–2 p.m. only.', 'From eleven A.M until two P.M only.'],
  ['24-hour time range', 'Open 09:00–17:30.', 'Open oh nine hundred until seventeen thirty.'],
  ['megabytes', 'The file is 20 MB.', 'The file is twenty megabytes.'],
  ['kilobytes in capitals, no space', 'Only 9KB left.', 'Only nine kilobytes left.'],
  ['kibibytes', 'A 512 KiB buffer.', 'A five hundred twelve kibibytes buffer.'],
  ['one kilometre is singular', 'A 1 km walk.', 'A one kilometer walk.'],
  ['kilograms without a space', 'It weighs 5kg.', 'It weighs five kilograms.'],
  ['kilometres per hour', 'Limited to 60 km/h here.', 'Limited to sixty kilometers per hour here.'],
  ['miles per hour', 'Winds of 45 mph.', 'Winds of forty-five miles per hour.'],
  ['square metres', 'A 30 m² flat.', 'A thirty square meters flat.'],
  ['decimal gigahertz', 'A 2.4 GHz radio.', 'A two point four gigahertz radio.'],
  ['degrees Celsius', 'It was 20 °C.', 'It was twenty degrees Celsius.'],
  ['one degree, negative', 'Down to -1 °C.', 'Down to minus one degree Celsius.'],
  ['Fahrenheit', 'Highs near 98°F.', 'Highs near ninety-eight degrees Fahrenheit.'],
  ['tonnes, millilitres, litres', 'Move 3 t with 250 mL and 2 L.', 'Move three metric tons with two hundred fifty milliliters and two liters.'],
  ['megahertz and milligrams', 'At 100 MHz, 5 mg.', 'At one hundred megahertz, five milligrams.'],
  ['a capital G is not grams', 'Phones with 5G coverage.', 'Phones with 5G coverage.'],
  ['version after a name (version by its context)', 'We shipped Rust 1.0 today.', 'We shipped Rust one point oh today.'],
  ['version before a release word (version by its context)', 'The 1.0 release ends the churn; the 2.1 beta and 3.0 series follow, at 1.0 percent.', 'The one point oh release ends the churn; the two point one beta and three point oh series follow, at one point zero percent.'],
  ['version with v', 'Upgrade to v2.3.1 now.', 'Upgrade to version two point three point one now.'],
  ['version with three parts', 'It runs on Node 20.20.2.', 'It runs on Node twenty point twenty point two.'],
  ['version word', 'Install version 3.12 first.', 'Install version three point twelve first.'],
  ['toll-free phone number, not a range', 'Call 1-833-555-0199 for help.', 'Call one, eight three three, five five five, zero one nine nine for help.'],
  ['ZIP code after a state', 'Write to Washington, DC 20405 today.', 'Write to Washington, DC two zero four zero five today.'],
  ['phone number with area code', 'Call (202) 555-0143.', 'Call two zero two, five five five, zero one four three.'],
  ['standard with a hyphenated number', 'It meets FIPS 140-2 rules.', 'It meets Fips one forty dash two rules.'],
  ['mission designation', 'The STS-135 crew landed.', 'The S.T.S one thirty-five crew landed.'],
  ['disease name', 'COVID-19 cases fell.', 'Covid nineteen cases fell.'],
  ['one-letter designation', 'An F-35 flew over.', 'An F thirty-five flew over.'],
  ['hashtag', 'Tag it #OpenData today.', 'Tag it hashtag Open Data today.'],
  ['handle', 'Follow @18F and @rustlang.', 'Follow at eighteen F and at rustlang.'],
  ['Rust path', 'Implement std::io::Read first.', 'Implement std io Read first.'],
  ['file name', 'Edit config.yaml and package.json.', 'Edit config dot yaml and package dot JSON.'],
  ['snake_case', 'Set max_retry_count to 3.', 'Set max retry count to three.'],
  ['words in capitals', 'THE PEOPLE have spoken.', 'the people have spoken.'],
  ['a phrase in capitals', 'We want ALL THE THINGS now.', 'We want all the things now.'],
  ['a word in capitals in a name', 'The DATA Act passed.', 'The data Act passed.'],
  ['acronyms said as words (curated and by rule)', 'NOAA, USAID, FISMA, NARA, IARPA, NASA and NATO met.', 'Noaa, Usaid, Fisma, Nara, Iarpa, Nasa and Nato met.'],
  ['acronyms spelled', 'The FBI and the USA agreed.', 'The F.B.I and the U.S.A agreed.'],
  ['pronounceable acronym by rule', 'Funded by DARPA and UNICEF.', 'Funded by Darpa and Unicef.'],
  ['unpronounceable acronym spelled', 'The HTML and the NSA.', 'The H.T.M.L and the N.S.A.'],
  ['a short word alone stays initials', 'IT staff and US troops.', 'I.T staff and U.S troops.'],
  ['a short word next to initials stays initials', 'See the GSA IT’s plans.', "See the G.S.A I.T's plans."],
];

describe('English spoken forms', () => {
  it.each(CASES)('%s: %s', (_rule, written, spoken) => {
    expect(spokenWith(english, written)).toBe(spoken);
  });

  it('reads numbers in designations in pairs', () => {
    expect([codeNumber('135'), codeNumber('140'), codeNumber('105'), codeNumber('100'), codeNumber('8601'), codeNumber('007')]).toEqual([
      'one thirty-five', 'one forty', 'one oh five', 'one hundred', 'eighty-six oh one', 'zero zero seven',
    ]);
  });

  it('reads a number as the version the rest of the article makes it (Rust 1.0), and leaves its amounts alone', () => {
    const article = english.forArticle!(['Announcing Rust 1.0', 'Today we are proud to announce Rust 1.0.', 'What does it mean for Rust to be 1.0?', 'Growth was 1.0% and 1.0 million people came.']);
    expect(spokenWith(article, 'What does it mean for Rust to be 1.0?')).toBe('What does it mean for Rust to be one point oh?');
    expect(spokenWith(article, 'Releasing 1.0 does not mean it is done.')).toBe('Releasing one point oh does not mean it is done.');
    expect(spokenWith(article, 'Growth was 1.0% and 1.0 million people came, 1.05 each.')).toBe('Growth was one point zero percent and one point zero million people came, one point zero five each.');
    // On its own (or in an article that never makes it a version) the sentence reads a decimal.
    expect(spokenWith(english, 'What does it mean for Rust to be 1.0?')).toBe('What does it mean for Rust to be one point zero?');
    expect(english.forArticle!(['It rose 1.0 points.'])).toBe(english);
  });

  it('reads version parts as numbers, a zero as oh', () => {
    expect(version('1.0')).toBe('one point oh');
    expect(version('10.04')).toBe('ten point zero four');
  });
});
