/**
 * The standard taxonomies CaseVault offers as pick lists, with French and English labels. They are
 * seeded into the vault's `taxonomy_terms` table (so records reference them by code and users can add
 * their own kinds beside them) and used by the renderer for labels. Codes are stable identifiers of
 * the records format: never rename one.
 */

export interface TaxonomyTerm {
  code: string;
  fr: string;
  en: string;
}

export interface Taxonomy {
  id: string;
  fr: string;
  en: string;
  terms: readonly TaxonomyTerm[];
}

const t = (code: string, en: string, fr: string): TaxonomyTerm => ({ code, en, fr });

/** Kinds of incident, grouped by the standard they come from. A user-added kind has group `custom`. */
export const INCIDENT_KIND_GROUPS = {
  mrm: {
    en: 'Grave violations against children (UN MRM)',
    fr: 'Violations graves contre les enfants (MRM de l’ONU)',
    terms: [
      t('mrm.killing-maiming', 'Killing and maiming of children', 'Meurtre et mutilation d’enfants'),
      t(
        'mrm.recruitment-use',
        'Recruitment and use by armed forces or groups',
        'Recrutement et utilisation par des forces ou groupes armés',
      ),
      t('mrm.sexual-violence', 'Sexual violence against children', 'Violences sexuelles contre des enfants'),
      t(
        'mrm.attacks-schools-hospitals',
        'Attacks on schools or hospitals',
        'Attaques contre des écoles ou des hôpitaux',
      ),
      t('mrm.abduction', 'Abduction of children', 'Enlèvement d’enfants'),
      t('mrm.denial-humanitarian-access', 'Denial of humanitarian access', 'Refus d’accès humanitaire'),
    ],
  },
  gbvims: {
    en: 'Gender-based violence (GBVIMS core types)',
    fr: 'Violences basées sur le genre (types GBVIMS)',
    terms: [
      t('gbv.rape', 'Rape', 'Viol'),
      t('gbv.sexual-assault', 'Sexual assault', 'Agression sexuelle'),
      t('gbv.physical-assault', 'Physical assault', 'Agression physique'),
      t('gbv.forced-marriage', 'Forced marriage', 'Mariage forcé'),
      t(
        'gbv.denial-resources',
        'Denial of resources, opportunities or services',
        'Déni de ressources, d’opportunités ou de services',
      ),
      t(
        'gbv.psychological-abuse',
        'Psychological / emotional abuse',
        'Violence psychologique / émotionnelle',
      ),
    ],
  },
  psea: {
    en: 'Sexual exploitation and abuse (PSEA)',
    fr: 'Exploitation et abus sexuels (PSEA)',
    terms: [
      t('psea.sexual-exploitation', 'Sexual exploitation', 'Exploitation sexuelle'),
      t('psea.sexual-abuse', 'Sexual abuse', 'Abus sexuel'),
    ],
  },
  ocsea: {
    en: 'Online child sexual exploitation and abuse (OCSEA)',
    fr: 'Exploitation et abus sexuels d’enfants en ligne (OCSEA)',
    terms: [
      t(
        'ocsea.csam-report',
        'Child sexual abuse material reported',
        'Contenu d’abus sexuel d’enfant signalé',
      ),
      t('ocsea.grooming', 'Online grooming', 'Pédopiégeage en ligne (grooming)'),
      t('ocsea.sextortion', 'Sexual extortion', 'Sextorsion'),
      t('ocsea.livestreaming', 'Live-streamed abuse', 'Abus diffusé en direct'),
    ],
  },
  defender: {
    en: 'Threats against defenders',
    fr: 'Menaces contre les défenseur·es',
    terms: [
      t('defender.threat', 'Threats', 'Menaces'),
      t('defender.intimidation', 'Intimidation', 'Intimidation'),
      t(
        'defender.judicial-harassment',
        'Judicial harassment / prosecution',
        'Harcèlement judiciaire / poursuites',
      ),
      t('defender.physical-violence', 'Physical violence', 'Violence physique'),
      t('defender.surveillance', 'Surveillance', 'Surveillance'),
      t(
        'defender.online-harassment',
        'Online harassment and doxxing',
        'Harcèlement en ligne et divulgation de données',
      ),
      t('defender.smear-campaign', 'Smear campaign', 'Campagne de dénigrement'),
      t('defender.threats-to-family', 'Threats to family', 'Menaces contre la famille'),
    ],
  },
} as const;

export type IncidentKindGroup = keyof typeof INCIDENT_KIND_GROUPS | 'custom';

/** Closed pick lists (the value set is part of the records format). */
export const PICK_LISTS = {
  caseKind: [
    t('defender-protection', 'Defender protection', 'Protection d’un·e défenseur·e'),
    t('psea-complaint', 'PSEA complaint', 'Plainte PSEA'),
    t('child-protection', 'Child protection', 'Protection de l’enfance'),
    t('child-helpline', 'Child helpline', 'Ligne d’écoute pour enfants'),
    t('mrm-monitoring', 'Grave violations monitoring (MRM)', 'Surveillance des violations graves (MRM)'),
    t('ocsea-report', 'OCSEA report', 'Signalement OCSEA'),
    t('gbv-case', 'Gender-based violence case', 'Cas de violence basée sur le genre'),
    t('other', 'Other', 'Autre'),
  ],
  caseStatus: [
    t('open', 'Open', 'Ouvert'),
    t('active', 'Active', 'En cours'),
    t('referred', 'Referred', 'Orienté'),
    t('closed', 'Closed', 'Clos'),
  ],
  sensitivity: [
    t('normal', 'Normal', 'Normale'),
    t('high', 'High', 'Élevée'),
    t('critical', 'Critical', 'Critique'),
  ],
  personRole: [
    t('survivor', 'Survivor', 'Survivant·e'),
    t('victim', 'Victim', 'Victime'),
    t('witness', 'Witness', 'Témoin'),
    t('alleged-perpetrator', 'Alleged perpetrator', 'Auteur·e présumé·e'),
    t('caregiver', 'Caregiver', 'Personne qui s’occupe de l’enfant'),
    t('defender', 'Defender', 'Défenseur·e'),
    t('informant', 'Informant / source', 'Informateur·rice / source'),
    t('other', 'Other', 'Autre'),
  ],
  sex: [
    t('female', 'Female', 'Féminin'),
    t('male', 'Male', 'Masculin'),
    t('intersex', 'Intersex', 'Intersexe'),
    t('undisclosed', 'Not disclosed', 'Non communiqué'),
  ],
  ageGroup: [
    t('0-4', '0–4', '0–4'),
    t('5-11', '5–11', '5–11'),
    t('12-17', '12–17', '12–17'),
    t('18-25', '18–25', '18–25'),
    t('26-59', '26–59', '26–59'),
    t('60+', '60+', '60+'),
    t('unknown', 'Unknown', 'Inconnu'),
  ],
  datePrecision: [
    t('exact', 'Exact date', 'Date exacte'),
    t('month', 'Month known', 'Mois connu'),
    t('year', 'Year known', 'Année connue'),
    t('approximate', 'Approximate', 'Approximative'),
  ],
  verification: [
    t('reported', 'Reported', 'Signalé'),
    t('under-verification', 'Under verification', 'En cours de vérification'),
    t('verified', 'Verified', 'Vérifié'),
    t('not-verified', 'Not verified', 'Non vérifié'),
  ],
  riskChannel: [
    t('phone', 'Phone call', 'Appel téléphonique'),
    t('sms', 'SMS', 'SMS'),
    t('messaging-app', 'Messaging app', 'Messagerie'),
    t('social-media', 'Social media', 'Réseaux sociaux'),
    t('email', 'Email', 'Courriel'),
    t('in-person', 'In person', 'En personne'),
    t('legal-judicial', 'Legal / judicial', 'Juridique / judiciaire'),
    t('surveillance', 'Surveillance', 'Surveillance'),
    t('at-home', 'At home', 'Au domicile'),
    t('at-work', 'At work', 'Au travail'),
    t('other', 'Other', 'Autre'),
  ],
  actorType: [
    t('state', 'State actor (police, army, officials)', 'Acteur étatique (police, armée, autorités)'),
    t('armed-group', 'Armed group', 'Groupe armé'),
    t('community', 'Community / religious leaders', 'Communauté / leaders religieux'),
    t('family', 'Family', 'Famille'),
    t('online-anonymous', 'Anonymous online', 'Anonyme en ligne'),
    t('aid-worker', 'Aid worker / staff', 'Personnel humanitaire'),
    t('unknown', 'Unknown', 'Inconnu'),
  ],
  measurePhase: [
    t('prevention', 'Prevention', 'Prévention'),
    t('response', 'Response (emergency protocol)', 'Réponse (protocole d’urgence)'),
    t('follow-up', 'Follow-up', 'Suivi'),
  ],
  measureStatus: [
    t('planned', 'Planned', 'Prévue'),
    t('in-progress', 'In progress', 'En cours'),
    t('done', 'Done', 'Faite'),
    t('cancelled', 'Cancelled', 'Annulée'),
  ],
  planContactKind: [
    t('emergency', 'Emergency contact', 'Contact d’urgence'),
    t('safe-place', 'Safe place', 'Lieu sûr'),
    t('legal', 'Legal support', 'Soutien juridique'),
    t('psychosocial', 'Psychosocial support', 'Soutien psychosocial'),
    t('medical', 'Medical support', 'Soutien médical'),
    t('other', 'Other', 'Autre'),
  ],
  serviceKind: [
    t('health', 'Health', 'Santé'),
    t('psychosocial', 'Psychosocial', 'Psychosocial'),
    t('legal', 'Legal', 'Juridique'),
    t('safety', 'Safety / shelter', 'Sécurité / hébergement'),
    t('material', 'Material assistance', 'Aide matérielle'),
    t('education', 'Education', 'Éducation'),
    t('law-enforcement', 'Law enforcement', 'Forces de l’ordre'),
    t('other', 'Other', 'Autre'),
  ],
  referralStatus: [
    t('pending', 'Pending', 'En attente'),
    t('accepted', 'Accepted', 'Acceptée'),
    t('declined', 'Declined', 'Refusée'),
    t('completed', 'Completed', 'Terminée'),
    t('cancelled', 'Cancelled', 'Annulée'),
  ],
  consentGivenBy: [
    t('survivor', 'The survivor', 'La personne survivante'),
    t(
      'caregiver-with-assent',
      'Caregiver, with the child’s assent',
      'Personne responsable, avec l’assentiment de l’enfant',
    ),
    t(
      'caregiver',
      'Caregiver (child unable to assent)',
      'Personne responsable (enfant hors d’état de donner son assentiment)',
    ),
  ],
  consentDataLevel: [
    t('identifying', 'Identifying data', 'Données identifiantes'),
    t('anonymised', 'Anonymised data only', 'Données anonymisées seulement'),
  ],
  consentMethod: [
    t('verbal', 'Verbal', 'Oral'),
    t('written', 'Written (signed form)', 'Écrit (formulaire signé)'),
    t('digital', 'Digital', 'Numérique'),
  ],
  recipientKind: [
    t('legal', 'Legal', 'Juridique'),
    t('psychosocial', 'Psychosocial', 'Psychosocial'),
    t('medical', 'Medical', 'Médical'),
    t('protection', 'Protection', 'Protection'),
    t('coordination', 'Coordination', 'Coordination'),
    t('law-enforcement', 'Law enforcement', 'Forces de l’ordre'),
  ],
  ocseaHotline: [
    t('iwf', 'IWF reporting portal', 'Portail de signalement IWF'),
    t('ncmec', 'NCMEC CyberTipline', 'NCMEC CyberTipline'),
    t('national', 'National point of contact', 'Point de contact national'),
    t('platform', 'The platform’s own reporting', 'Signalement auprès de la plateforme'),
    t('other', 'Other', 'Autre'),
  ],
  takedownStatus: [
    t('not-requested', 'Not requested', 'Non demandé'),
    t('pending', 'Pending', 'En attente'),
    t('removed', 'Removed', 'Retiré'),
    t('refused', 'Refused', 'Refusé'),
    t('unknown', 'Unknown', 'Inconnu'),
  ],
} as const satisfies Record<string, readonly TaxonomyTerm[]>;

export type PickListName = keyof typeof PICK_LISTS;
type CodesOf<L extends readonly TaxonomyTerm[]> = L[number]['code'];
export type PickCode<N extends PickListName> = CodesOf<(typeof PICK_LISTS)[N]>;

export function codesOf<N extends PickListName>(name: N): [PickCode<N>, ...PickCode<N>[]] {
  return PICK_LISTS[name].map((term) => term.code) as [PickCode<N>, ...PickCode<N>[]];
}

export const BUILTIN_INCIDENT_KINDS: ReadonlyArray<TaxonomyTerm & { group: IncidentKindGroup }> =
  Object.entries(INCIDENT_KIND_GROUPS).flatMap(([group, def]) =>
    def.terms.map((term) => ({ ...term, group: group as IncidentKindGroup })),
  );
