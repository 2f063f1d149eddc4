import { describe, expect, it } from 'vitest';
import { cleanByline } from '../../utils/pure/byline-text';

// Latin bylines whose names look like the words around a date: weekdays, connectors, particles, labels.
describe('cleanByline keeps names that look like date words', () => {
  it('keeps a name that is a weekday when no date follows the weekday', () => {
    expect(cleanByline('By Sunday Okafor, May 3, 2021')).toBe('Sunday Okafor');
    expect(cleanByline('By Sunday Aborisade | May 3, 2021')).toBe('Sunday Aborisade');
    expect(cleanByline('Por Domingo Pérez, 12/05/2022')).toBe('Domingo Pérez');
    expect(cleanByline('Von Max Sonntag am 12.05.2022')).toBe('Max Sonntag');
    expect(cleanByline('Jane Doe and Sunday Okafor on May 3, 2021')).toBe('Jane Doe and Sunday Okafor');
    expect(cleanByline('Por Plácido Domingo, 12/05/2022')).toBe('Plácido Domingo');
    // The weekday of a date still goes with it.
    expect(cleanByline('Jane Doe, Sunday, May 3, 2021')).toBe('Jane Doe');
    expect(cleanByline('by Anton Shilov on Monday, November 18th, 2019 at 11:08 a.m.')).toBe('Anton Shilov');
  });

  it('keeps a capitalised connector that is a surname when a separator, not the date, follows it', () => {
    expect(cleanByline('By Dahye Um | May 3, 2021')).toBe('Dahye Um');
    expect(cleanByline('By Jina On | May 3, 2021')).toBe('Jina On');
    expect(cleanByline('Hoa Am, 12.05.2022')).toBe('Hoa Am');
    // A capitalised connector with the date right after it still goes.
    expect(cleanByline('By Jane Doe On 12 May 2021')).toBe('Jane Doe');
    expect(cleanByline('By Martin Jendrischik On June 29, 2017')).toBe('Martin Jendrischik');
  });

  it('keeps a name led by a capitalised particle after a particle label', () => {
    expect(cleanByline('Von Der Leyen')).toBe('Von Der Leyen');
    expect(cleanByline('Von Der Heide, Jan')).toBe('Von Der Heide, Jan');
    expect(cleanByline('Von Jörn Mecher')).toBe('Jörn Mecher');
  });

  it('keeps a name printed first over a later labelled line', () => {
    expect(cleanByline('Jane Doe | Posted by Editorial Team')).toBe('Jane Doe');
    expect(cleanByline('Jane Doe\nReporting by John Roe')).toBe('Jane Doe');
    // A role and outlet line first gives way to the labelled name.
    expect(cleanByline('Gründerin Journelles\nJournelles\nArtikel von: Jessie')).toBe('Jessie');
    expect(cleanByline('Staff writer\nBy John Roe')).toBe('John Roe');
  });

  it('reads the names after the label of a line that begins with its date', () => {
    expect(cleanByline('El 6 de mayo de 2022 por Raúl Espina')).toBe('Raúl Espina');
    expect(cleanByline('Am 12.05.2022 von Jan Müller')).toBe('Jan Müller');
    expect(cleanByline('Le 12 mars 2023 par Jean Dupont')).toBe('Jean Dupont');
    expect(cleanByline('Domingo, 6 de mayo de 2022')).toBeNull();
    expect(cleanByline('Montag, 12. Mai 2022 von Jan Müller')).toBe('Jan Müller');
    // A surname that is a connector, with no date cut, stays.
    expect(cleanByline('Le')).toBe('Le');
  });

  it('reads the labels and placeholders of the byline languages', () => {
    expect(cleanByline('Autor Desconocido')).toBeNull();
    expect(cleanByline('Auteur: Inconnu')).toBeNull();
    expect(cleanByline('Testo di Mario Rossi')).toBe('Mario Rossi');
    expect(cleanByline('Von Anna am 08.12.2022')).toBe('Anna');
    // A capitalised Romance particle still begins a one-word surname; `Von` alone stays a name.
    expect(cleanByline('Di Maio il 12/05/2022')).toBe('Di Maio');
    expect(cleanByline('Von Anna')).toBe('Von Anna');
  });
});
