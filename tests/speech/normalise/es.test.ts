import { describe, expect, it } from 'vitest';
import { isFeminine, spanish } from '../../../src/speech/normalise/es.js';
import { spokenWith, type Case } from '../../helpers/normalise.js';

const CASES: readonly Case[] = [
  ['half past', 'Empieza a las 9:30.', 'Empieza a las nueve y media.'],
  ['quarter past', 'Llega a las 10:15.', 'Llega a las diez y cuarto.'],
  ['one o’clock is feminine', 'Es la 1:00.', 'Es la una.'],
  ['twenty-one hours', 'Cierra a las 21:00.', 'Cierra a las veintiuna.'],
  ['minutes', 'Sale a las 7:40.', 'Sale a las siete y cuarenta.'],
  ['a. m.', 'Abre a las 9:00 a. m. cada día.', 'Abre a las nueve de la mañana cada día.'],
  ['p. m. in the evening', 'Termina a las 9:00 p. m. hoy.', 'Termina a las nueve de la noche hoy.'],
  ['AM and PM without stops', 'De 11AM a 5PM.', 'De once de la mañana a cinco de la tarde.'],
  ['AM after a clock time', 'Empiezo a las 9:00 AM cada día.', 'Empiezo a las nueve de la mañana cada día.'],
  ['time range', 'Abierto de 9:00-14:30.', 'Abierto de nueve a catorce y media.'],
  ['kilograms', 'Pesa 5 kg.', 'Pesa cinco kilogramos.'],
  ['one kilogram, apocope', 'Pesa 1 kg.', 'Pesa un kilogramo.'],
  ['tonnes are feminine', 'Carga 21 t.', 'Carga veintiuna toneladas.'],
  ['kilometres per hour', 'Circula a 60 km/h.', 'Circula a sesenta kilómetros por hora.'],
  ['megabytes', 'Ocupa 20 MB.', 'Ocupa veinte megabytes.'],
  ['degrees', 'Hace 30 °C.', 'Hace treinta grados Celsius.'],
  ['decimal is plural', 'Mide 1,5 m.', 'Mide uno coma cinco metros.'],
  ['percentage', 'El 90 % votó.', 'El noventa por ciento votó.'],
  ['apocope before millones', 'Votaron 41 millones de personas.', 'Votaron cuarenta y un millones de personas.'],
  ['apocope before mil', 'Unos 21.000 votos.', 'Unos veintiún mil votos.'],
  ['feminine thousands', 'Unas 21.000 viviendas y 200.000 personas.', 'Unas veintiuna mil viviendas y doscientas mil personas.'],
  ['feminine hundred and one', 'Hubo 101 mujeres y 169 actividades.', 'Hubo ciento una mujeres y ciento sesenta y nueve actividades.'],
  ['feminine noun', 'Participaron 21 mujeres.', 'Participaron veintiuna mujeres.'],
  ['feminine hundreds', 'Llegaron 200 personas.', 'Llegaron doscientas personas.'],
  ['masculine noun', 'Tiene 21 años.', 'Tiene veintiún años.'],
  ['no noun after the number', 'Del 21 al 31 de julio.', 'Del veintiuno al treinta y uno de julio.'],
  ['one, masculine', 'Hay 1 problema.', 'Hay un problema.'],
  ['version', 'Debian 9.4 y MariaDB 10.1.', 'Debian nueve punto cuatro y MariaDB diez punto uno.'],
  ['thousands are not a version', 'Tenía 45.756 habitantes.', 'Tenía cuarenta y cinco mil setecientos cincuenta y seis habitantes.'],
  ['version with v', 'Instale la v2.3.1.', 'Instale la versión dos punto tres punto uno.'],
  ['phone number', 'Llame al +34 912 345 678.', 'Llame al nueve uno dos, tres cuatro cinco, seis siete ocho.'],
  ['designations with a hyphen', 'La COVID-19 y la STS-135.', 'La Covid diecinueve y la S T S ciento treinta y cinco.'],
  ['hashtag and handle', 'Siga #DatosAbiertos y @debian.', 'Siga hashtag Datos Abiertos y arroba debian.'],
  ['placeholder in a host name', 'Los nombres ftp.<CC>.debian.org siguen.', 'Los nombres ftp punto C C punto debian punto org siguen.'],
  ['address with a scheme', 'Use ftp://ftp.debian.org o https://www.debian.org/.', 'Use ftp dos puntos barra barra ftp punto debian punto org o w w w punto debian punto org.'],
  ['email address', 'Escriba a debian-mirrors@lists.debian.org.', 'Escriba a debian guion mirrors arroba lists punto debian punto org.'],
  ['host name in a Spanish domain', 'Visite boe.es/diario_boe hoy.', 'Visite boe punto es barra diario guion bajo boe hoy.'],
  ['file name', 'Edite config.yaml.', 'Edite config punto yaml.'],
  ['words in capitals', 'LOS DATOS ABIERTOS.', 'los datos abiertos.'],
  ['acronyms said as words', 'La OTAN, la ONU y el PSOE.', 'La Otan, la Onu y el Psoe.'],
  ['acronyms spelled', 'La UE y el FBI.', 'La U E y el F B I.'],
];

describe('Spanish spoken forms', () => {
  it.each(CASES)('%s: %s', (_rule, written, spoken) => {
    expect(spokenWith(spanish, written)).toBe(spoken);
  });

  it('finds the gender of common nouns', () => {
    expect(['mujeres', 'personas', 'viviendas', 'naciones', 'veces', 'toneladas'].map(isFeminine)).toEqual([true, true, true, true, true, true]);
    expect(['años', 'millones', 'problemas', 'días', 'paquetes'].map(isFeminine)).toEqual([false, false, false, false, false]);
  });
});
