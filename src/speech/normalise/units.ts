/*
 * Units of measure written after a number ("20 MB", "5kg", "60 km/h"). The
 * symbols are the same in every language; their names, plurals and genders
 * are each language's. Symbols are case-sensitive: "g" is grams, "G" is not a
 * unit ("5G"), "m" is metres, "M" is not ("$3M" is money, read earlier).
 */

/** How a language names one unit. `feminine` matters where a number agrees with its noun (une tonne, veintiuna toneladas). */
export interface UnitName {
  readonly singular: string;
  readonly plural: string;
  readonly feminine?: boolean;
}

/** A language's units by symbol: every shared symbol, and the language's own ("Mo" for mégaoctet). */
export type UnitNames = Readonly<Record<UnitSymbol, UnitName>> & Readonly<Partial<Record<string, UnitName>>>;

export const UNIT_SYMBOLS = [
  'B', 'kB', 'KB', 'MB', 'GB', 'TB', 'PB', 'KiB', 'MiB', 'GiB', 'TiB',
  'Hz', 'kHz', 'MHz', 'GHz',
  'mg', 'g', 'kg', 't',
  'mm', 'cm', 'm', 'km', 'km/h', 'mph', 'm²', 'km²', 'm³',
  '°C', '°F',
  'mL', 'ml', 'L',
  'kW', 'MW', 'GW', 'kWh', 'ms',
] as const;

export type UnitSymbol = (typeof UNIT_SYMBOLS)[number];

function escaped(symbol: string): string {
  return symbol.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * A pattern for a number (the language's `number` pattern, one group) and a
 * unit symbol (a second group), with or without a space between them, and
 * nothing word-like after the symbol ("5 mm" but not "5 mmol", "3 m" but not "3 men").
 */
export function unitPattern(number: string, names: UnitNames): RegExp {
  // Longest first, so that "km/h" is not read as "km" and "kWh" not as "kW".
  const symbols = Object.keys(names).sort((a, b) => b.length - a.length).map(escaped).join('|');
  return new RegExp(String.raw`(?<![\p{L}\p{N}_.,$€£¥₹])([-−])?(${number})[\u0020\u00A0\u202F]?(${symbols})(?![\p{L}\p{N}_²³/])`, 'gu');
}

/** "20 MB" -> the words for the number and the unit's name; a symbol the table lacks gives undefined. */
export function unitName(names: UnitNames, symbol: string): UnitName | undefined {
  return Object.hasOwn(names, symbol) ? names[symbol] : undefined;
}

export const ENGLISH_UNITS: UnitNames = {
  B: { singular: 'byte', plural: 'bytes' },
  kB: { singular: 'kilobyte', plural: 'kilobytes' },
  KB: { singular: 'kilobyte', plural: 'kilobytes' },
  MB: { singular: 'megabyte', plural: 'megabytes' },
  GB: { singular: 'gigabyte', plural: 'gigabytes' },
  TB: { singular: 'terabyte', plural: 'terabytes' },
  PB: { singular: 'petabyte', plural: 'petabytes' },
  KiB: { singular: 'kibibyte', plural: 'kibibytes' },
  MiB: { singular: 'mebibyte', plural: 'mebibytes' },
  GiB: { singular: 'gibibyte', plural: 'gibibytes' },
  TiB: { singular: 'tebibyte', plural: 'tebibytes' },
  Hz: { singular: 'hertz', plural: 'hertz' },
  kHz: { singular: 'kilohertz', plural: 'kilohertz' },
  MHz: { singular: 'megahertz', plural: 'megahertz' },
  GHz: { singular: 'gigahertz', plural: 'gigahertz' },
  mg: { singular: 'milligram', plural: 'milligrams' },
  g: { singular: 'gram', plural: 'grams' },
  kg: { singular: 'kilogram', plural: 'kilograms' },
  t: { singular: 'metric ton', plural: 'metric tons' },
  mm: { singular: 'millimeter', plural: 'millimeters' },
  cm: { singular: 'centimeter', plural: 'centimeters' },
  m: { singular: 'meter', plural: 'meters' },
  km: { singular: 'kilometer', plural: 'kilometers' },
  'km/h': { singular: 'kilometer per hour', plural: 'kilometers per hour' },
  mph: { singular: 'mile per hour', plural: 'miles per hour' },
  'm²': { singular: 'square meter', plural: 'square meters' },
  'km²': { singular: 'square kilometer', plural: 'square kilometers' },
  'm³': { singular: 'cubic meter', plural: 'cubic meters' },
  '°C': { singular: 'degree Celsius', plural: 'degrees Celsius' },
  '°F': { singular: 'degree Fahrenheit', plural: 'degrees Fahrenheit' },
  mL: { singular: 'milliliter', plural: 'milliliters' },
  ml: { singular: 'milliliter', plural: 'milliliters' },
  L: { singular: 'liter', plural: 'liters' },
  kW: { singular: 'kilowatt', plural: 'kilowatts' },
  MW: { singular: 'megawatt', plural: 'megawatts' },
  GW: { singular: 'gigawatt', plural: 'gigawatts' },
  kWh: { singular: 'kilowatt hour', plural: 'kilowatt hours' },
  ms: { singular: 'millisecond', plural: 'milliseconds' },
};

const fr = (singular: string, plural = `${singular}s`, feminine = false): UnitName => ({ singular, plural, ...(feminine ? { feminine } : {}) });

export const FRENCH_UNITS: UnitNames = {
  B: fr('octet'), kB: fr('kilooctet'), KB: fr('kilooctet'), MB: fr('mégaoctet'), GB: fr('gigaoctet'), TB: fr('téraoctet'), PB: fr('pétaoctet'),
  KiB: fr('kibioctet'), MiB: fr('mébioctet'), GiB: fr('gibioctet'), TiB: fr('tébioctet'),
  Hz: fr('hertz', 'hertz'), kHz: fr('kilohertz', 'kilohertz'), MHz: fr('mégahertz', 'mégahertz'), GHz: fr('gigahertz', 'gigahertz'),
  mg: fr('milligramme'), g: fr('gramme'), kg: fr('kilogramme'), t: fr('tonne', 'tonnes', true),
  mm: fr('millimètre'), cm: fr('centimètre'), m: fr('mètre'), km: fr('kilomètre'),
  'km/h': fr('kilomètre heure', 'kilomètres heure'), mph: fr('mile par heure', 'miles par heure'),
  'm²': fr('mètre carré', 'mètres carrés'), 'km²': fr('kilomètre carré', 'kilomètres carrés'), 'm³': fr('mètre cube', 'mètres cubes'),
  '°C': fr('degré Celsius', 'degrés Celsius'), '°F': fr('degré Fahrenheit', 'degrés Fahrenheit'),
  mL: fr('millilitre'), ml: fr('millilitre'), L: fr('litre'),
  kW: fr('kilowatt'), MW: fr('mégawatt'), GW: fr('gigawatt'), kWh: fr('kilowattheure'), ms: fr('milliseconde', 'millisecondes', true),
  // French writes bytes as octets.
  o: fr('octet'), ko: fr('kilooctet'), Ko: fr('kilooctet'), Mo: fr('mégaoctet'), Go: fr('gigaoctet'), To: fr('téraoctet'),
};

const es = (singular: string, plural = `${singular}s`, feminine = false): UnitName => ({ singular, plural, ...(feminine ? { feminine } : {}) });

export const SPANISH_UNITS: UnitNames = {
  B: es('byte'), kB: es('kilobyte'), KB: es('kilobyte'), MB: es('megabyte'), GB: es('gigabyte'), TB: es('terabyte'), PB: es('petabyte'),
  KiB: es('kibibyte'), MiB: es('mebibyte'), GiB: es('gibibyte'), TiB: es('tebibyte'),
  Hz: es('hercio'), kHz: es('kilohercio'), MHz: es('megahercio'), GHz: es('gigahercio'),
  mg: es('miligramo'), g: es('gramo'), kg: es('kilogramo'), t: es('tonelada', 'toneladas', true),
  mm: es('milímetro'), cm: es('centímetro'), m: es('metro'), km: es('kilómetro'),
  'km/h': es('kilómetro por hora', 'kilómetros por hora'), mph: es('milla por hora', 'millas por hora', true),
  'm²': es('metro cuadrado', 'metros cuadrados'), 'km²': es('kilómetro cuadrado', 'kilómetros cuadrados'), 'm³': es('metro cúbico', 'metros cúbicos'),
  '°C': es('grado Celsius', 'grados Celsius'), '°F': es('grado Fahrenheit', 'grados Fahrenheit'),
  mL: es('mililitro'), ml: es('mililitro'), L: es('litro'),
  kW: es('kilovatio'), MW: es('megavatio'), GW: es('gigavatio'), kWh: es('kilovatio hora', 'kilovatios hora'), ms: es('milisegundo'),
};
