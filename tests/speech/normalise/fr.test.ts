import { describe, expect, it } from 'vitest';
import { french, isFeminine } from '../../../src/speech/normalise/fr.js';
import { spokenWith, type Case } from '../../helpers/normalise.js';

const CASES: readonly Case[] = [
  ['time with spaces', 'Rendez-vous à 17 h 30.', 'Rendez-vous à dix-sept heures trente.'],
  ['time without spaces', 'Ouverture à 17h30.', 'Ouverture à dix-sept heures trente.'],
  ['one hour is feminine', 'Départ à 1 h du matin.', 'Départ à une heure du matin.'],
  ['twenty-one hours', 'Fermeture à 21 h.', 'Fermeture à vingt et une heures.'],
  ['time range cannot be heard as one time', 'Ouvert 9h-17h tous les jours.', 'Ouvert de neuf heures à dix-sept heures tous les jours.'],
  ['percentage with a space', 'Le taux est de 90 %.', 'Le taux est de quatre-vingt-dix pour cent.'],
  ['megabytes, French and international symbols', 'Un fichier de 20 Mo ou 20 MB.', 'Un fichier de vingt mégaoctets ou vingt mégaoctets.'],
  ['kilograms without a space', 'Il pèse 5kg.', 'Il pèse cinq kilogrammes.'],
  ['one tonne is feminine', 'Une charge de 1 t.', 'Une charge de une tonne.'],
  ['twenty-one tonnes', 'Une charge de 21 t.', 'Une charge de vingt et une tonnes.'],
  ['below two is singular', 'Un trajet de 1,5 km.', 'Un trajet de un virgule cinq kilomètre.'],
  ['plural from two', 'Un trajet de 2 km à 60 km/h.', 'Un trajet de deux kilomètres à soixante kilomètres heure.'],
  ['degrees', 'Il fait 20 °C.', 'Il fait vingt degrés Celsius.'],
  ['square metres', 'Un studio de 25 m².', 'Un studio de vingt-cinq mètres carrés.'],
  ['gender before a noun', 'Elle a interrogé 21 femmes et 31 hommes.', 'Elle a interrogé vingt et une femmes et trente et un hommes.'],
  ['one woman', 'Il reste 1 personne.', 'Il reste une personne.'],
  ['scales stay masculine', 'Soit 41 millions de votes.', 'Soit quarante et un millions de votes.'],
  ['feminine ordinal 1re', 'La 1re édition.', 'La première édition.'],
  ['ordinal 1ère', 'La 1ère fois.', 'La première fois.'],
  ['ordinal 2nde', 'La 2nde guerre.', 'La seconde guerre.'],
  ['plural ordinal', 'Les 3es places.', 'Les troisièmes places.'],
  ['version', 'Debian 9.4 et MariaDB 10.1.', 'Debian neuf point quatre et MariaDB dix point un.'],
  ['version with v', 'La v2.3.1 est sortie.', 'La version deux point trois point un est sortie.'],
  ['phone number in pairs', 'Appelez le 01 23 45 67 89.', 'Appelez le zéro un, vingt-trois, quarante-cinq, soixante-sept, quatre-vingt-neuf.'],
  ['designations with a hyphen', 'La COVID-19, STS-135 et FIPS 140-2.', 'La Covid dix-neuf, S T S cent trente-cinq et Fips cent quarante tiret deux.'],
  ['hashtag and handle', 'Suivez #DonnéesOuvertes et @debian.', 'Suivez hashtag Données Ouvertes et arobase debian.'],
  ['address with a scheme', 'Voir https://fr.wikinews.org/wiki/Accueil et ftp://ftp.debian.org.', 'Voir fr point wikinews point org slash wiki slash Accueil et ftp deux-points slash slash ftp point debian point org.'],
  ['email address', 'Écrivez à press@debian.org.', 'Écrivez à press arobase debian point org.'],
  ['host name in a French domain', 'Lisez service-public.fr chaque jour.', 'Lisez service tiret public point fr chaque jour.'],
  ['file name', 'Modifiez config.yaml.', 'Modifiez config point yaml.'],
  ['words in capitals, accents restored', 'LES ETATS GÉNÉRAUX.', 'les états généraux.'],
  ['acronyms said as words', "L'ONU, l'OTAN et l'INSEE.", "L'Onu, l'Otan et l'Insee."],
  ['acronyms spelled', 'La SNCF et le CNRS.', 'La S N C F et le C N R S.'],
];

describe('French spoken forms', () => {
  it.each(CASES)('%s: %s', (_rule, written, spoken) => {
    expect(spokenWith(french, written)).toBe(spoken);
  });

  it('finds the gender of common nouns', () => {
    expect(['femmes', 'personne', 'heures', 'nation', 'semaines'].map(isFeminine)).toEqual([true, true, true, true, true]);
    expect(['hommes', 'millions', 'ans', 'paquets'].map(isFeminine)).toEqual([false, false, false, false]);
  });
});
