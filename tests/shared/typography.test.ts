import { describe, expect, it } from 'vitest';
import { displayText } from '../../src/shared/typography.js';

const NNBSP = '\u202F';
const NBSP = '\u00A0';

describe('displayText', () => {
  it('keeps French guillemets and ; ! ? with their word by a narrow no-break space, the colon by a no-break space', () => {
    expect(displayText('Il a dit « 2,3 millions d’euros » ; pourquoi ? Enfin ! Voici : rien.', 'fr')).toBe(
      `Il a dit «${NNBSP}2,3 millions d’euros${NNBSP}»${NNBSP}; pourquoi${NNBSP}? Enfin${NNBSP}! Voici${NBSP}: rien.`,
    );
    expect(displayText('‹ citation › dans « une citation »', 'fr-CA')).toBe(`‹${NNBSP}citation${NNBSP}› dans «${NNBSP}une citation${NNBSP}»`);
  });

  it('changes only spaces the author typed: none is added where there was none, a run becomes one', () => {
    expect(displayText('«Bonjour» dit-il; vraiment? Oui!', 'fr-CH')).toBe('«Bonjour» dit-il; vraiment? Oui!');
    expect(displayText(`«  Oui${NBSP}» ${NNBSP}?`, 'fr')).toBe(`«${NNBSP}Oui${NNBSP}»${NNBSP}?`);
  });

  it('is idempotent, and leaves other languages as written', () => {
    const once = displayText('« Oui » ? Non : peut-être !', 'fr');
    expect(displayText(once, 'fr')).toBe(once);
    for (const lang of ['en', 'de', 'es', 'fy', 'und']) expect(displayText('He said « yes » ; why ? Then : no !', lang)).toBe('He said « yes » ; why ? Then : no !');
  });
});
