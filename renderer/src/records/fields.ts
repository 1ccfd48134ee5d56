/**
 * The fields of each record form, with their labels in the UI language. Kept apart from the tabs so
 * the tabs read as layout, and the same specs serve create and edit.
 */
import type { ComboboxData } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { Language } from '../../../shared/errors.ts';
import { incidentKindOptions, type KindLabel, pickOptions, threatKindOptions } from './labels.ts';
import type { FieldSpec } from './RecordForm.tsx';

const score = (t: TFunction, name: string): FieldSpec => ({
  name,
  kind: 'number',
  label: t(`records.field.${name}`),
  description: t('records.field.scoreHint'),
  required: true,
  min: 1,
  max: 5,
});

const location = (t: TFunction): FieldSpec[] => [
  { name: 'location.country', kind: 'text', label: t('records.field.country') },
  { name: 'location.region', kind: 'text', label: t('records.field.region') },
  { name: 'location.locality', kind: 'text', label: t('records.field.locality') },
];

export function caseFields(t: TFunction, lang: Language): FieldSpec[] {
  return [
    {
      name: 'code',
      kind: 'text',
      label: t('records.field.code'),
      description: t('records.case.codeNote'),
      required: true,
      testId: 'case-code',
    },
    {
      name: 'title',
      kind: 'text',
      label: t('records.field.title'),
      description: t('records.case.titleNote'),
      required: true,
    },
    {
      name: 'kind',
      kind: 'select',
      label: t('records.field.caseKind'),
      required: true,
      data: pickOptions('caseKind', lang),
    },
    {
      name: 'status',
      kind: 'select',
      label: t('records.field.status'),
      required: true,
      data: pickOptions('caseStatus', lang),
    },
    {
      name: 'sensitivity',
      kind: 'select',
      label: t('records.field.sensitivity'),
      required: true,
      data: pickOptions('sensitivity', lang),
    },
    { name: 'openedOn', kind: 'date', label: t('records.field.openedOn'), required: true },
    { name: 'closedOn', kind: 'date', label: t('records.field.closedOn') },
    ...location(t),
    { name: 'tags', kind: 'tags', label: t('records.field.tags'), description: t('records.field.tagsHint') },
    { name: 'summary', kind: 'textarea', label: t('records.field.summary') },
  ];
}

export function personFields(t: TFunction, lang: Language, withRealName: boolean): FieldSpec[] {
  const fields: FieldSpec[] = [
    {
      name: 'alias',
      kind: 'text',
      label: t('records.field.alias'),
      description: t('records.person.aliasNote'),
      required: true,
    },
    {
      name: 'ageGroup',
      kind: 'select',
      label: t('records.field.ageGroup'),
      data: pickOptions('ageGroup', lang),
    },
    { name: 'sex', kind: 'select', label: t('records.field.sex'), data: pickOptions('sex', lang) },
    { name: 'disability', kind: 'text', label: t('records.field.disability') },
    { name: 'location.country', kind: 'text', label: t('records.field.country') },
    { name: 'location.region', kind: 'text', label: t('records.field.region') },
    { name: 'location.locality', kind: 'text', label: t('records.field.locality') },
  ];
  if (withRealName) {
    const section = {
      title: t('records.person.identifyingTitle'),
      warning: t('records.person.identifyingWarning'),
    };
    fields.push(
      { name: 'realName', kind: 'text', label: t('records.field.realName'), section },
      { name: 'safeContact', kind: 'textarea', label: t('records.field.safeContact'), section },
    );
  } else {
    fields.push({ name: 'safeContact', kind: 'textarea', label: t('records.field.safeContact') });
  }
  return fields;
}

export function incidentFields(t: TFunction, lang: Language, custom: readonly KindLabel[]): FieldSpec[] {
  return [
    { name: 'occurredOn', kind: 'date', label: t('records.field.occurredOn'), required: true },
    {
      name: 'datePrecision',
      kind: 'select',
      label: t('records.field.datePrecision'),
      required: true,
      data: pickOptions('datePrecision', lang),
    },
    {
      name: 'kind',
      kind: 'select',
      label: t('records.field.incidentKind'),
      required: true,
      data: incidentKindOptions(lang, custom, t('records.incident.customGroup')),
    },
    {
      name: 'verification',
      kind: 'select',
      label: t('records.field.verification'),
      required: true,
      data: pickOptions('verification', lang),
    },
    {
      name: 'perpetratorType',
      kind: 'select',
      label: t('records.field.perpetratorType'),
      data: pickOptions('actorType', lang),
    },
    { name: 'description', kind: 'textarea', label: t('records.field.description') },
    ...location(t),
  ];
}

export function riskEntryFields(t: TFunction, lang: Language): FieldSpec[] {
  return [
    { name: 'occurredAt', kind: 'datetime', label: t('records.field.occurredAt'), required: true },
    {
      name: 'channel',
      kind: 'select',
      label: t('records.field.channel'),
      required: true,
      data: pickOptions('riskChannel', lang),
    },
    {
      name: 'actorType',
      kind: 'select',
      label: t('records.field.actorType'),
      required: true,
      data: pickOptions('actorType', lang),
    },
    {
      name: 'threatKind',
      kind: 'select',
      label: t('records.field.threatKind'),
      data: threatKindOptions(lang),
    },
    score(t, 'severity'),
    score(t, 'likelihood'),
    { name: 'description', kind: 'textarea', label: t('records.field.description') },
  ];
}

export function assessmentFields(t: TFunction): FieldSpec[] {
  return [
    { name: 'assessedOn', kind: 'date', label: t('records.field.assessedOn'), required: true },
    score(t, 'threat'),
    score(t, 'vulnerability'),
    score(t, 'capacity'),
    { name: 'notes', kind: 'textarea', label: t('records.field.notes') },
  ];
}

export function planFields(t: TFunction): FieldSpec[] {
  return [
    { name: 'title', kind: 'text', label: t('records.field.planTitle'), required: true },
    { name: 'reviewOn', kind: 'date', label: t('records.field.reviewOn') },
    { name: 'notes', kind: 'textarea', label: t('records.field.notes') },
  ];
}

export function measureFields(t: TFunction, lang: Language): FieldSpec[] {
  return [
    {
      name: 'phase',
      kind: 'select',
      label: t('records.field.phase'),
      required: true,
      data: pickOptions('measurePhase', lang),
    },
    { name: 'title', kind: 'text', label: t('records.field.measureTitle'), required: true },
    { name: 'trigger', kind: 'textarea', label: t('records.field.trigger') },
    { name: 'action', kind: 'textarea', label: t('records.field.action') },
    { name: 'contact', kind: 'text', label: t('records.field.contact') },
    { name: 'owner', kind: 'text', label: t('records.field.owner') },
    { name: 'dueOn', kind: 'date', label: t('records.field.dueOn') },
    {
      name: 'status',
      kind: 'select',
      label: t('records.field.measureStatus'),
      required: true,
      data: pickOptions('measureStatus', lang),
    },
  ];
}

export function contactFields(t: TFunction, lang: Language): FieldSpec[] {
  return [
    {
      name: 'kind',
      kind: 'select',
      label: t('records.field.contactKind'),
      required: true,
      data: pickOptions('planContactKind', lang),
    },
    { name: 'name', kind: 'text', label: t('records.field.contactName'), required: true },
    { name: 'details', kind: 'textarea', label: t('records.field.contactDetails') },
  ];
}

export function consentFields(t: TFunction, lang: Language, people: ComboboxData): FieldSpec[] {
  return [
    {
      name: 'personId',
      kind: 'select',
      label: t('records.field.consentPerson'),
      required: true,
      data: people,
    },
    {
      name: 'givenBy',
      kind: 'select',
      label: t('records.field.givenBy'),
      required: true,
      data: pickOptions('consentGivenBy', lang),
    },
    {
      name: 'dataLevel',
      kind: 'select',
      label: t('records.field.dataLevel'),
      required: true,
      data: pickOptions('consentDataLevel', lang),
    },
    {
      name: 'recipientKinds',
      kind: 'multiselect',
      label: t('records.field.recipientKinds'),
      required: true,
      data: pickOptions('recipientKind', lang),
    },
    { name: 'purposes', kind: 'textarea', label: t('records.field.purposes'), required: true },
    {
      name: 'method',
      kind: 'select',
      label: t('records.field.method'),
      required: true,
      data: pickOptions('consentMethod', lang),
    },
    { name: 'recordedBy', kind: 'text', label: t('records.field.recordedBy'), required: true },
    { name: 'givenOn', kind: 'date', label: t('records.field.givenOn'), required: true },
    { name: 'withdrawnOn', kind: 'date', label: t('records.field.withdrawnOn') },
    {
      name: 'anonymisedStatistics',
      kind: 'boolean',
      label: t('records.field.anonymisedStatistics'),
      description: t('records.field.anonymisedStatisticsHint'),
      data: [
        { value: 'true', label: t('records.field.yes') },
        { value: 'false', label: t('records.field.no') },
      ],
    },
    { name: 'notes', kind: 'textarea', label: t('records.field.notes') },
  ];
}

export function referralFields(t: TFunction, lang: Language, consents: ComboboxData): FieldSpec[] {
  return [
    {
      name: 'serviceKind',
      kind: 'select',
      label: t('records.field.serviceKind'),
      required: true,
      data: pickOptions('serviceKind', lang),
    },
    { name: 'provider', kind: 'text', label: t('records.field.provider'), required: true },
    {
      name: 'consentId',
      kind: 'select',
      label: t('records.field.consent'),
      description: t('records.referral.consentHint'),
      required: true,
      data: consents,
    },
    { name: 'referredOn', kind: 'date', label: t('records.field.referredOn'), required: true },
    {
      name: 'status',
      kind: 'select',
      label: t('records.field.referralStatus'),
      required: true,
      data: pickOptions('referralStatus', lang),
    },
    { name: 'followUpOn', kind: 'date', label: t('records.field.followUpOn') },
    { name: 'outcome', kind: 'textarea', label: t('records.field.outcome') },
  ];
}

export function noteFields(t: TFunction): FieldSpec[] {
  return [{ name: 'body', kind: 'textarea', label: t('records.field.body'), required: true }];
}
