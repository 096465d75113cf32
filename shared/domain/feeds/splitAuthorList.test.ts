import { describe, expect, it } from 'vitest';
import { splitAuthorList } from './splitAuthorList';

describe('splitAuthorList', () => {
  it('splits the lists journals write in one author field', () => {
    expect(splitAuthorList('Smith J, Jones A, Brown K')).toEqual(['Smith J', 'Jones A', 'Brown K']);
    expect(splitAuthorList('Maria Garcia; Wei Chen and Ama Mensah')).toEqual([
      'Maria Garcia',
      'Wei Chen',
      'Ama Mensah',
    ]);
    expect(splitAuthorList('Okafor C, Lindqvist P, and Tanaka H, et al.')).toEqual([
      'Okafor C',
      'Lindqvist P',
      'Tanaka H',
    ]);
    expect(splitAuthorList('Ludwig van Beethoven & Maria da Silva')).toEqual([
      'Ludwig van Beethoven',
      'Maria da Silva',
    ]);
  });

  it('keeps one name whole: surname first, a group, a single name', () => {
    expect(splitAuthorList('Horton, Richard')).toEqual(['Horton, Richard']);
    expect(splitAuthorList('The Writing Committee for the X and Y Investigators')).toEqual([
      'The Writing Committee for the X and Y Investigators',
    ]);
    expect(splitAuthorList('  Vlado   Perkovic ')).toEqual(['Vlado Perkovic']);
    expect(splitAuthorList('Smith J et al.')).toEqual(['Smith J']);
    expect(splitAuthorList('   ')).toEqual([]);
  });
});
