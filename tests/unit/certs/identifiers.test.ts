import { describe, expect, it } from 'vitest';
import { isValidInn, isValidInnLe, isValidOgrn, isValidOgrnip, isValidSnils } from '@/src/certs/identifiers';

describe('check digits', () => {
  it.each([
    ['7707329152', true], // ФНС
    ['7710568760', true], // Казначейство
    ['7710474375', true], // Минцифры
    ['7702235133', true], // Банк России
    ['7717107991', true], // КРИПТО-ПРО
    ['7707329153', false],
    ['770732915', false],
    ['77073291520', false],
    ['77O7329152', false],
  ])('ИНН ЮЛ %s → %s', (value, valid) => expect(isValidInnLe(value)).toBe(valid));

  it.each([
    ['500312345614', true],
    ['770123456703', true],
    ['501065432170', true],
    ['500312345600', false],
    ['007707329152', true], // legacy form of a legal entity's ИНН
    ['001234567890', false], // the CryptoPro test root's placeholder
    ['50031234561', false],
  ])('ИНН ФЛ %s → %s', (value, valid) => expect(isValidInn(value)).toBe(valid));

  it.each([
    ['1047707030513', true],
    ['1047797019830', true],
    ['1047702026701', true],
    ['1037700085444', true],
    ['1027700543210', true],
    ['1234567890123', false],
    ['104770703051', false],
  ])('ОГРН %s → %s', (value, valid) => expect(isValidOgrn(value)).toBe(valid));

  it.each([
    ['314774600000012', true],
    ['314774600000013', false],
    ['31477460000001', false],
  ])('ОГРНИП %s → %s', (value, valid) => expect(isValidOgrnip(value)).toBe(valid));

  it.each([
    ['11223344595', true],
    ['12345678964', true],
    ['98765432183', true],
    ['12345678900', false],
    ['1122334459', false],
  ])('СНИЛС %s → %s', (value, valid) => expect(isValidSnils(value)).toBe(valid));
});
