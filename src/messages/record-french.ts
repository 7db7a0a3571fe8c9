/**
 * The French of every text the record shows (data/record/*.ndjson): occasions, Article 4 reasons,
 * the Article 5 determination and measures, titles of concepts, declarations, packages and
 * programmes, treaty and exercise names, areas, Council decisions, places. Keyed by the record's
 * English text, exactly as the line carries it; `recordText` gives a reader the text in their
 * language. Text a user typed (a proposal in an exercise) is not here and is shown as given.
 *
 * `source` is the page where NATO (or the depositary, or a government) publishes the French
 * wording used; an entry without one is Evere's translation of the record's English (the record's
 * own summaries, for which no official French exists), in the terms NATO's French pages use.
 * Names that French writes as English does (Prague, Trident Juncture 2018) are listed too, as
 * their own French, so that a test can tell "the same in French" from "not translated yet".
 *
 * Titles given as `{ en, fr }` in the line itself (operation and framework names, proposals) are
 * not repeated here. tests/record/french.test.ts fails when a record text has no entry, or an
 * entry no longer matches any record text.
 */

export interface RecordFrench {
  /** The French text. */
  readonly fr: string;
  /** The official French text's page; absent for Evere's own translation. */
  readonly source?: string;
}

const SAME = (en: string): RecordFrench => ({ fr: en });

const ART5_2001 = 'https://www.nato.int/docu/speech/2001/s011004c.htm';
const ART5_2002 = 'https://www.nato.int/docu/comm/2002/0211-prague/in_focus/terrorism/index-f.htm';
const IPAP = 'https://www.nato.int/cps/fr/natohq/topics_49290.htm';
const SNGP = 'https://www.nato.int/cps/uk/natohq/news_228907.htm?selectedLocale=fr';
const CFE = 'https://www.nato.int/cps/ru/natohq/official_texts_8439.htm?selectedLocale=fr';
const INF = 'https://www.nato.int/cps/en/natohq/news_150016.htm?selectedLocale=fr';

export const RECORD_FRENCH: Readonly<Record<string, RecordFrench>> = {
  // ---- invitations and aspirants (occasion) ----
  'North Atlantic Council, Ottawa': { fr: 'Conseil de l’Atlantique Nord, Ottawa' },
  'North Atlantic Council ministerial session, Paris': { fr: 'Session ministérielle du Conseil de l’Atlantique Nord, Paris' },
  'Madrid Summit': { fr: 'Sommet de Madrid' },
  'Prague Summit': { fr: 'Sommet de Prague' },
  'Bucharest Summit': { fr: 'Sommet de Bucarest' },
  'Brussels Summit': { fr: 'Sommet de Bruxelles' },
  'North Atlantic Council (Foreign Ministers), Brussels': { fr: 'Conseil de l’Atlantique Nord (ministres des Affaires étrangères), Bruxelles' },
  'Bucharest Summit: "We agreed today that these countries will become members of NATO."': {
    fr: 'Sommet de Bucarest\u00a0: «\u00a0Nous avons décidé aujourd’hui que ces pays deviendraient membres de l’OTAN.\u00a0»',
  },
  'Foreign Ministers in Tallinn invite Bosnia and Herzegovina to join the Membership Action Plan': {
    fr: 'Réunis à Tallinn, les ministres des Affaires étrangères invitent la Bosnie-Herzégovine à participer au Plan d’action pour l’adhésion',
  },

  // ---- Article 4 (reason) ----
  'Threat to Türkiye\'s population and territory from the armed conflict in neighbouring Iraq': {
    fr: 'Menace pour la population et le territoire de la Türkiye du fait du conflit armé dans l’Iraq voisin',
  },
  'Turkish military aircraft shot down by Syrian air defences': { fr: 'Avion militaire turc abattu par la défense aérienne syrienne' },
  'Syrian shelling of Akcakale killing five Turkish civilians': { fr: 'Bombardement syrien d’Akçakale ayant tué cinq civils turcs' },
  'Developments in and around Ukraine (Russian aggression, Crimea)': { fr: 'Évolution de la situation en Ukraine et autour de l’Ukraine (agression russe, Crimée)' },
  'Terrorist attacks in Türkiye; informing Allies of the measures taken': { fr: 'Attentats terroristes en Türkiye\u00a0; information des Alliés sur les mesures prises' },
  'Situation in Syria after attacks killing Turkish soldiers in Idlib': { fr: 'Situation en Syrie après des attaques ayant tué des soldats turcs à Idlib' },
  'Russia\'s full-scale military attack on Ukraine': { fr: 'Attaque militaire de grande ampleur de la Russie contre l’Ukraine' },
  'Violation of Polish airspace by Russian drones': { fr: 'Violation de l’espace aérien polonais par des drones russes' },
  'Violation of Estonian airspace by three Russian MiG-31 aircraft on 19 September 2025': {
    fr: 'Violation de l’espace aérien estonien par trois avions russes MiG-31 le 19 septembre 2025',
  },

  // ---- Article 5 (description, measure) ----
  'If it is determined that the attack against the United States was directed from abroad, it shall be regarded as an action covered by Article 5 of the Washington Treaty.': {
    fr: 'S’il est établi que l’attaque contre les États-Unis était dirigée depuis l’étranger, elle sera assimilée à une action relevant de l’article 5 du Traité de Washington.',
    source: 'https://www.nato.int/terrorism/cinq.htm',
  },
  'The terrorist attacks of 11 September 2001 against the United States were determined to have been directed from abroad and are regarded as an action covered by Article 5 of the Washington Treaty.': {
    fr: 'Il a été établi que les attentats terroristes perpétrés le 11 septembre 2001 contre les États-Unis avaient été dirigés de l’étranger\u00a0; ils sont assimilés à une action relevant de l’article 5 du Traité de Washington.',
    source: ART5_2002,
  },
  'Enhance intelligence sharing and co-operation, bilaterally and in NATO bodies, on the threats posed by terrorism and the actions to be taken against it': {
    fr: 'Renforcer, tant sur le plan bilatéral qu’au sein des instances appropriées de l’OTAN, le partage des données du renseignement et la coopération dans ce domaine en ce qui concerne les menaces que fait peser le terrorisme et les mesures de lutte à prendre dans ce contexte',
    source: ART5_2001,
  },
  'Provide, individually or collectively, assistance to Allies and other states which are or may be subject to increased terrorist threats as a result of their support for the campaign against terrorism': {
    fr: 'Fournir, à titre individuel ou collectif, en fonction des besoins et de leurs capacités, une aide aux Alliés et aux autres États qui font ou qui pourraient faire l’objet de menaces terroristes accrues par suite de leur soutien à la campagne menée contre le terrorisme',
    source: ART5_2001,
  },
  'Take necessary measures to provide increased security for facilities of the United States and other Allies on their territory': {
    fr: 'Prendre les mesures nécessaires pour renforcer la sécurité des installations des États-Unis et des autres Alliés sur leur territoire',
    source: ART5_2001,
  },
  'Backfill selected Allied assets in NATO\'s area of responsibility that are required to directly support operations against terrorism': {
    fr: 'Assurer, dans la zone de responsabilité de l’OTAN, le remplacement de certains moyens alliés donnés, qui sont nécessaires pour apporter un soutien direct aux opérations contre le terrorisme',
    source: ART5_2001,
  },
  'Provide blanket overflight clearances for United States and other Allies\' aircraft for military flights related to operations against terrorism': {
    fr: 'Accorder des autorisations de survol générales pour les appareils des États-Unis et d’autres Alliés, conformément aux arrangements requis en matière de circulation aérienne et aux procédures nationales, pour les vols militaires liés à des opérations contre le terrorisme',
    source: ART5_2001,
  },
  'Provide access for the United States and other Allies to ports and airfields on the territory of NATO nations for operations against terrorism, including for refuelling': {
    fr: 'Assurer aux États-Unis et à d’autres Alliés l’accès aux ports et aux aérodromes situés sur le territoire de pays de l’OTAN pour des opérations contre le terrorisme, notamment pour le ravitaillement',
    source: ART5_2001,
  },
  'Readiness to deploy elements of NATO\'s Standing Naval Forces to the Eastern Mediterranean to provide a NATO presence and demonstrate resolve': {
    fr: 'Être prêts à déployer des éléments des forces navales permanentes de l’OTAN en Méditerranée orientale afin d’assurer une présence de l’OTAN et de faire preuve de détermination',
    source: ART5_2001,
  },
  'Readiness to deploy elements of NATO\'s Airborne Early Warning Force to support operations against terrorism': {
    fr: 'Être prêts à déployer des éléments de la Force aéroportée de détection lointaine de l’OTAN pour appuyer les opérations contre le terrorisme',
    source: ART5_2001,
  },
  'Operation Eagle Assist: NATO AWACS aircraft patrol the airspace of the United States (9 October 2001 - 16 May 2002)': {
    fr: 'Opération Eagle Assist\u00a0: des avions AWACS de l’OTAN patrouillent dans l’espace aérien des États-Unis (9 octobre 2001 - 16 mai 2002)',
  },
  'Operation Active Endeavour: NATO maritime operation in the Eastern Mediterranean to detect and deter terrorist activity': {
    fr: 'Opération Active Endeavour\u00a0: opération maritime de l’OTAN en Méditerranée orientale pour détecter et dissuader les activités terroristes',
  },

  // ---- Strategic Concepts (title, place, coreTasks, threats, challenges) ----
  'The Strategic Concept for the Defense of the North Atlantic Area': { fr: 'Le concept stratégique pour la défense de la zone de l’Atlantique Nord' },
  'Overall Strategic Concept for the Defense of the North Atlantic Treaty Organization Area': { fr: 'Concept stratégique global pour la défense de la zone de l’Organisation du Traité de l’Atlantique Nord' },
  'The Alliance\'s New Strategic Concept': { fr: 'Le nouveau concept stratégique de l’Alliance' },
  'The Alliance\'s Strategic Concept': { fr: 'Le concept stratégique de l’Alliance' },
  'Active Engagement, Modern Defence': { fr: 'Engagement actif, défense moderne' },
  'NATO 2022 Strategic Concept': { fr: 'Concept stratégique 2022 de l’OTAN', source: SNGP },
  'collective defence': { fr: 'défense collective' },
  'crisis management': { fr: 'gestion de crise' },
  'cooperative security': { fr: 'sécurité coopérative' },
  'deterrence and defence': { fr: 'dissuasion et défense' },
  'crisis prevention and management': { fr: 'prévention et gestion des crises' },
  'Russian Federation': { fr: 'Fédération de Russie' },
  'terrorism': { fr: 'terrorisme' },
  'People\'s Republic of China': { fr: 'République populaire de Chine' },

  // ---- places (concepts, summits, declarations) ----
  'Rome': SAME('Rome'),
  'Washington, D.C.': SAME('Washington, D.C.'),
  'Lisbon': { fr: 'Lisbonne' },
  'Madrid': SAME('Madrid'),
  'Paris': SAME('Paris'),
  'Brussels': { fr: 'Bruxelles' },
  'London': { fr: 'Londres' },
  'Bonn': SAME('Bonn'),
  'Prague': SAME('Prague'),
  'Istanbul': SAME('Istanbul'),
  'Riga': SAME('Riga'),
  'Bucharest': { fr: 'Bucarest' },
  'Strasbourg / Kehl': SAME('Strasbourg / Kehl'),
  'Chicago': SAME('Chicago'),
  'Newport': SAME('Newport'),
  'Warsaw': { fr: 'Varsovie' },
  'Vilnius': SAME('Vilnius'),
  'The Hague': { fr: 'La Haye' },
  'Videoconference': { fr: 'Visioconférence' },

  // ---- seats of NATO Headquarters and SHAPE (place, site) ----
  '13 Belgrave Square': SAME('13 Belgrave Square'),
  'Rocquencourt': SAME('Rocquencourt'),
  'Mons': SAME('Mons'),
  'Casteau': SAME('Casteau'),
  'Palais de Chaillot': SAME('Palais de Chaillot'),
  'Porte Dauphine': SAME('Porte Dauphine'),
  'Boulevard Léopold III': SAME('Boulevard Léopold III'),
  'New headquarters, Boulevard Léopold III': { fr: 'Nouveau siège, boulevard Léopold III' },

  // ---- Secretaries General (name): proper names, titles of nobility in French ----
  'Hastings Ismay, 1st Baron Ismay': { fr: 'Hastings Ismay, 1er baron Ismay' },
  'Paul-Henri Spaak': SAME('Paul-Henri Spaak'),
  'Dirk Stikker': SAME('Dirk Stikker'),
  'Manlio Brosio': SAME('Manlio Brosio'),
  'Joseph Luns': SAME('Joseph Luns'),
  'Peter Carington, 6th Baron Carrington': { fr: 'Peter Carington, 6e baron Carrington' },
  'Manfred Wörner': SAME('Manfred Wörner'),
  'Willy Claes': SAME('Willy Claes'),
  'Javier Solana': SAME('Javier Solana'),
  'George Robertson, Baron Robertson of Port Ellen': { fr: 'George Robertson, baron Robertson de Port Ellen' },
  'Jaap de Hoop Scheffer': SAME('Jaap de Hoop Scheffer'),
  'Anders Fogh Rasmussen': SAME('Anders Fogh Rasmussen'),
  'Jens Stoltenberg': SAME('Jens Stoltenberg'),
  'Mark Rutte': SAME('Mark Rutte'),

  // ---- operations and missions (area, decision, requestingOrganisation) ----
  'Airspace of Bosnia and Herzegovina': { fr: 'Espace aérien de la Bosnie-Herzégovine' },
  'Adriatic Sea': { fr: 'Mer Adriatique' },
  'Bosnia and Herzegovina': { fr: 'Bosnie-Herzégovine' },
  'Federal Republic of Yugoslavia': { fr: 'République fédérale de Yougoslavie' },
  'Kosovo': SAME('Kosovo'),
  'Former Yugoslav Republic of Macedonia (North Macedonia)': { fr: 'Ex-République yougoslave de Macédoine (Macédoine du Nord)' },
  'Airspace of the United States': { fr: 'Espace aérien des États-Unis' },
  'Mediterranean Sea': { fr: 'Mer Méditerranée' },
  'Afghanistan': SAME('Afghanistan'),
  'Airspace of Estonia, Latvia and Lithuania': { fr: 'Espace aérien de l’Estonie, de la Lettonie et de la Lituanie' },
  'Iraq': SAME('Iraq'),
  'Darfur, Sudan': { fr: 'Darfour, Soudan' },
  'Pakistan': SAME('Pakistan'),
  'Off the coast of Somalia': { fr: 'Au large des côtes somaliennes' },
  'Gulf of Aden and off the Horn of Africa': { fr: 'Golfe d’Aden et au large de la Corne de l’Afrique' },
  'Gulf of Aden, Horn of Africa and Western Indian Ocean': { fr: 'Golfe d’Aden, Corne de l’Afrique et ouest de l’océan Indien' },
  'Libya': { fr: 'Libye' },
  'Aegean Sea': { fr: 'Mer Égée' },
  'South-eastern Türkiye': { fr: 'Sud-est de la Türkiye' },
  'South-eastern Türkiye (Adana, Gaziantep, Kahramanmaraş)': { fr: 'Sud-est de la Türkiye (Adana, Gaziantep, Kahramanmaraş)' },
  'African Union': { fr: 'Union africaine' },
  'Türkiye\'s border with Iraq and the eastern Mediterranean': { fr: 'Frontière entre la Türkiye et l’Iraq, et Méditerranée orientale' },
  'Greece (Athens Olympic and Paralympic Games)': { fr: 'Grèce (Jeux olympiques et paralympiques d’Athènes)' },
  'United States (Gulf Coast)': { fr: 'États-Unis (côte du golfe du Mexique)' },
  'Somalia': { fr: 'Somalie' },
  'Foreign Ministers, meeting in the North Atlantic Council at Helsinki, agreed on a NATO maritime operation to monitor compliance with UN Security Council Resolutions 713 and 757, in coordination with the operation decided by the WEU.': {
    fr: 'Réunis au sein du Conseil de l’Atlantique Nord à Helsinki, les ministres des Affaires étrangères sont convenus d’une opération maritime de l’OTAN chargée de surveiller le respect des résolutions 713 et 757 du Conseil de sécurité des Nations Unies, en coordination avec l’opération décidée par l’UEO.',
  },
  'On 18 November 1992 the Council agreed in principle that NATO maritime forces would enforce compliance with UN Security Council Resolutions 713 and 757, in accordance with Resolution 787; on 20 November it agreed that enforcement operations could commence in coordination with WEU forces.': {
    fr: 'Le 18 novembre 1992, le Conseil est convenu en principe que les forces maritimes de l’OTAN feraient respecter les résolutions 713 et 757 du Conseil de sécurité des Nations Unies, conformément à la résolution 787\u00a0; le 20 novembre, il est convenu que les opérations de mise en application pouvaient commencer en coordination avec les forces de l’UEO.',
  },
  'At the request of the United States, the Allies approved a naval operation, with air elements, to bring relief supplies from Europe to the United States.': {
    fr: 'À la demande des États-Unis, les Alliés ont approuvé une opération navale, comportant des moyens aériens, pour acheminer des secours d’Europe vers les États-Unis.',
  },
  'On 7 June 2007 the Council agreed in principle to the African Union\'s request of 22 May 2007 for airlift support to its member states willing to deploy in Somalia under AMISOM.': {
    fr: 'Le 7 juin 2007, le Conseil a accepté en principe la demande de l’Union africaine du 22 mai 2007 visant à fournir un soutien de transport aérien à ses États membres disposés à se déployer en Somalie dans le cadre de l’AMISOM.',
  },
  'United Nations (Secretary-General)': { fr: 'Organisation des Nations Unies (Secrétaire général)' },
  'United Nations': { fr: 'Organisation des Nations Unies' },
  'At a joint session the North Atlantic Council and the Council of the Western European Union approved a single command and control arrangement for the combined NATO/WEU naval operations in the Adriatic.': {
    fr: 'Réunis en session conjointe, le Conseil de l’Atlantique Nord et le Conseil de l’Union de l’Europe occidentale ont approuvé un dispositif unique de commandement et de contrôle pour les opérations navales combinées OTAN/UEO dans l’Adriatique.',
  },
  'The Council approved NATO\'s plans for enforcing the no-fly zone of UNSCR 816 and notified the UN of its willingness to undertake the operation.': {
    fr: 'Le Conseil a approuvé les plans de l’OTAN pour faire respecter la zone d’exclusion aérienne de la résolution 816 du Conseil de sécurité et a fait savoir à l’ONU qu’il était disposé à mener l’opération.',
  },
  'On 1 December 1995 the Council authorised SACEUR to deploy enabling forces and gave provisional approval to the military plan; Foreign and Defence Ministers endorsed the planning on 5 December 1995.': {
    fr: 'Le 1er décembre 1995, le Conseil a autorisé le SACEUR à déployer des forces de préparation et a approuvé à titre provisoire le plan militaire\u00a0; les ministres des Affaires étrangères et de la Défense ont entériné la planification le 5 décembre 1995.',
  },
  'On 10 June 1999 the Council authorised the Activation Order for the deployment of KFOR (Operation Joint Guardian).': {
    fr: 'Le 10 juin 1999, le Conseil a autorisé l’ordre d’activation pour le déploiement de la KFOR (opération Joint Guardian).',
  },
  'The Secretary General, acting under the authority granted by the Council, terminated the air campaign he had suspended on 10 June 1999.': {
    fr: 'Le Secrétaire général, agissant en vertu des pouvoirs que lui avait conférés le Conseil, a mis fin à la campagne aérienne qu’il avait suspendue le 10 juin 1999.',
  },
  'The Council approved the weapons-collection plan on 20 June 2001, authorised the deployment of the Task Force Harvest headquarters on 15 August 2001 and, on 22 August 2001, authorised SACEUR to issue the Activation Order.': {
    fr: 'Le Conseil a approuvé le plan de collecte des armes le 20 juin 2001, a autorisé le déploiement du quartier général de la Task Force Harvest le 15 août 2001 et, le 22 août 2001, a autorisé le SACEUR à émettre l’ordre d’activation.',
  },
  'The Council approved Operation Plan 10417 Amber Fox on 26 September 2001.': {
    fr: 'Le Conseil a approuvé le plan d’opération 10417 Amber Fox le 26 septembre 2001.',
  },
  'One of the measures the Allies agreed on 4 October 2001 at the request of the United States.': {
    fr: 'L’une des mesures dont les Alliés sont convenus le 4 octobre 2001 à la demande des États-Unis.',
  },
  'On 17 March 2003 the Council decided to conclude Allied Harmony on 31 March 2003 and hand over to the EU\'s Operation Concordia.': {
    fr: 'Le 17 mars 2003, le Conseil a décidé de mettre fin à Allied Harmony le 31 mars 2003 et de passer le relais à l’opération Concordia de l’UE.',
  },
  'At the Istanbul Summit (28-29 June 2004) the Allies agreed to assist Iraq with training, following Prime Minister Allawi\'s letter of 22 June 2004.': {
    fr: 'Au sommet d’Istanbul (28-29 juin 2004), les Alliés sont convenus d’aider l’Iraq en matière de formation, à la suite de la lettre du Premier ministre Allaoui du 22 juin 2004.',
  },
  'The Istanbul Summit (28-29 June 2004) decided to terminate SFOR (https://geetha.mil.gr/en/?p=30347).': {
    fr: 'Le sommet d’Istanbul (28-29 juin 2004) a décidé de mettre fin à la SFOR (https://geetha.mil.gr/en/?p=30347).',
  },
  'On 8 June 2005 NATO agreed to help the African Union expand its mission in Darfur.': {
    fr: 'Le 8 juin 2005, l’OTAN a accepté d’aider l’Union africaine à étendre sa mission au Darfour.',
  },
  'Pakistan asked NATO for assistance on 10 October 2005; the next day the Council approved an air operation.': {
    fr: 'Le Pakistan a demandé l’aide de l’OTAN le 10 octobre 2005\u00a0; le lendemain, le Conseil a approuvé une opération aérienne.',
  },
  'The Council gave final approval on 11 March 2009 (http://aco.nato.int/missionarchive.aspx?cat=26).': {
    fr: 'Le Conseil a donné son approbation finale le 11 mars 2009 (http://aco.nato.int/missionarchive.aspx?cat=26).',
  },
  'Commenced after the North Atlantic Council approved the mission.': { fr: 'Commencée après l’approbation de la mission par le Conseil de l’Atlantique Nord.' },
  'The Defence Planning Committee authorised the deployment of NATO AWACS aircraft and of missile, chemical and biological defences to Türkiye, following Türkiye\'s request under Article 4.': {
    fr: 'Le Comité des plans de défense a autorisé le déploiement en Türkiye d’avions AWACS de l’OTAN et de moyens de défense antimissile, chimique et biologique, à la suite de la demande formulée par la Türkiye au titre de l’article 4.',
  },
  'The Defence Planning Committee decided that the operation had met its objectives and agreed to conclude it through a gradual redeployment of NATO forces.': {
    fr: 'Le Comité des plans de défense a estimé que l’opération avait atteint ses objectifs et est convenu d’y mettre fin par un redéploiement progressif des forces de l’OTAN.',
  },
  'NATO Foreign Ministers agreed to augment Türkiye\'s air defence capabilities by deploying Patriot missile batteries, following consultations under Article 4 held at Türkiye\'s request.': {
    fr: 'Les ministres des Affaires étrangères des pays de l’OTAN sont convenus de renforcer les capacités de défense aérienne de la Türkiye en y déployant des batteries de missiles Patriot, à la suite de consultations tenues au titre de l’article 4 à la demande de la Türkiye.',
  },
  'Preliminary Council decision of 21 October 2011 to end the operation on 31 October, confirmed by a formal decision the following week.': {
    fr: 'Décision préliminaire du Conseil du 21 octobre 2011 de mettre fin à l’opération le 31 octobre, confirmée par une décision formelle la semaine suivante.',
  },
  'Defence Ministers agreed on 11 February 2016; the Council approved the modalities on 24 February 2016 (https://www.mfa.gov.tr/no_-51_-25-february-2016_-press-release-regarding-the-activities-of-nato-in-the-aegean-sea.en.mfa).': {
    fr: 'Les ministres de la Défense en sont convenus le 11 février 2016\u00a0; le Conseil en a approuvé les modalités le 24 février 2016 (https://www.mfa.gov.tr/no_-51_-25-february-2016_-press-release-regarding-the-activities-of-nato-in-the-aegean-sea.en.mfa).',
  },
  'Decided at the Warsaw Summit (8-9 July 2016) as the successor of Active Endeavour.': {
    fr: 'Décidée au sommet de Varsovie (8-9 juillet 2016) pour succéder à Active Endeavour.',
  },
  'Launched at the Brussels Summit (11-12 July 2018) at the Iraqi government\'s request.': {
    fr: 'Lancée au sommet de Bruxelles (11-12 juillet 2018) à la demande du gouvernement irakien.',
  },

  // ---- partnerships (region, programme title, suspension reason) ----
  'Euro-Atlantic area': { fr: 'Zone euro-atlantique' },
  'Mediterranean': { fr: 'Méditerranée' },
  'Broader Middle East (Gulf)': { fr: 'Grand Moyen-Orient (Golfe)' },
  'Beyond the Euro-Atlantic area': { fr: 'Au-delà de la zone euro-atlantique' },
  'Partners that contribute significantly to NATO-led operations': { fr: 'Partenaires qui contribuent de manière importante aux opérations dirigées par l’OTAN' },
  'Individual Partnership Action Plan': { fr: 'Plan d’action individuel pour le partenariat', source: IPAP },
  'Individual Partnership and Cooperation Programme between New Zealand and NATO': {
    fr: 'Programme de partenariat et de coopération individuel entre la Nouvelle-Zélande et l’OTAN',
  },
  'Individual Partnership and Cooperation Programme': { fr: 'Programme de partenariat et de coopération individuel' },
  'Individually Tailored Partnership Programme between NATO and Japan for 2023-2026': {
    fr: 'Programme de partenariat individualisé entre l’OTAN et le Japon pour 2023-2026',
    source: IPAP,
  },
  'Belarus\'s policies and actions, which violated the principles underpinning its partnership with NATO: Allies suspended all practical civilian and military cooperation, maintaining dialogue as necessary': {
    fr: 'Les politiques et les actions du Bélarus, contraires aux principes qui sous-tendent son partenariat avec l’OTAN\u00a0: les Alliés ont suspendu toute coopération pratique, civile et militaire, tout en maintenant le dialogue si nécessaire',
  },
  'Russia\'s illegal annexation of Crimea: NATO Foreign Ministers suspended all practical civilian and military cooperation with Russia': {
    fr: 'Annexion illégale de la Crimée par la Russie\u00a0: les ministres des Affaires étrangères des pays de l’OTAN ont suspendu toute coopération pratique, civile et militaire, avec la Russie',
  },

  // ---- DCB packages (title) ----
  'Substantial NATO-Georgia Package (DCB support to Georgia)': { fr: 'Paquet substantiel OTAN-Géorgie (soutien DCB à la Géorgie)', source: SNGP },
  'DCB package for Jordan': { fr: 'Programme DCB pour la Jordanie' },
  'Defence Capacity Building for the Republic of Moldova': { fr: 'Renforcement des capacités de défense de la République de Moldova' },
  'Defence Capacity Building package for Iraq': { fr: 'Programme de renforcement des capacités de défense pour l’Iraq' },
  'DCB package for Tunisia': { fr: 'Programme DCB pour la Tunisie' },
  'DCB package for UN Peacekeeping Training': { fr: 'Programme DCB pour la formation au maintien de la paix des Nations Unies' },
  'Defence Capacity Building package for Mauritania': { fr: 'Programme de renforcement des capacités de défense pour la Mauritanie' },
  'Defence Capacity Building package for Bosnia and Herzegovina': { fr: 'Programme de renforcement des capacités de défense pour la Bosnie-Herzégovine' },

  // ---- exercises (name, lead) ----
  'EADRCC consequence management field exercise SRBIJA 2018': { fr: 'Exercice sur le terrain de gestion des conséquences de l’EADRCC SRBIJA 2018' },
  'Euro-Atlantic Disaster Response Coordination Centre (EADRCC) and the Ministry of the Interior of Serbia': {
    fr: 'Centre euro-atlantique de coordination des réactions en cas de catastrophe (EADRCC) et ministère de l’Intérieur de la Serbie',
  },
  'Trident Juncture 2018': SAME('Trident Juncture 2018'),
  'Allied Joint Force Command Naples': { fr: 'Commandement de forces interarmées alliées de Naples' },
  'Cyber Coalition 2023': SAME('Cyber Coalition 2023'),
  'Allied Command Transformation': { fr: 'Commandement allié Transformation' },
  'Steadfast Defender 2024': SAME('Steadfast Defender 2024'),
  'Supreme Headquarters Allied Powers Europe (SACEUR)': { fr: 'Grand Quartier général des puissances alliées en Europe (SACEUR)' },

  // ---- NATO-EU declarations (title) ----
  'EU-NATO Declaration on the European Security and Defence Policy (ESDP)': { fr: 'Déclaration UE-OTAN sur la politique européenne de sécurité et de défense (PESD)' },
  'Berlin Plus arrangements': { fr: 'Arrangements «\u00a0Berlin plus\u00a0»' },
  'Joint Declaration by the President of the European Council, the President of the European Commission and the Secretary General of NATO': {
    fr: 'Déclaration commune du président du Conseil européen, du président de la Commission européenne et du secrétaire général de l’OTAN',
  },
  'Joint Declaration on EU-NATO Cooperation': { fr: 'Déclaration commune sur la coopération UE-OTAN' },
  'Third Joint Declaration on EU-NATO Cooperation': { fr: 'Troisième déclaration commune sur la coopération UE-OTAN' },

  // ---- arms control (name, mandate, depositary, reason) ----
  'High-Level Task Force on Conventional Arms Control': { fr: 'Groupe de travail de haut niveau sur la maîtrise des armements conventionnels' },
  'Consultative and advisory body that channels advice on conventional arms control to Foreign and Defence Ministers; chaired by the Deputy Secretary General.': {
    fr: 'Organe consultatif qui conseille les ministres des Affaires étrangères et de la Défense sur la maîtrise des armements conventionnels\u00a0; présidé par le secrétaire général délégué.',
  },
  'Treaty on the Elimination of Intermediate-Range and Shorter-Range Missiles (INF Treaty)': {
    fr: 'Traité sur l’élimination des missiles à portée intermédiaire et à plus courte portée (Traité FNI)',
    source: INF,
  },
  'Treaty on Conventional Armed Forces in Europe (CFE)': { fr: 'Traité sur les forces armées conventionnelles en Europe (FCE)', source: CFE },
  'Treaty on Open Skies': { fr: 'Traité sur le régime «\u00a0Ciel ouvert\u00a0»' },
  'Treaty between the United States of America and the Russian Federation on Measures for the Further Reduction and Limitation of Strategic Offensive Arms (New START)': {
    fr: 'Traité entre les États-Unis d’Amérique et la Fédération de Russie sur des mesures visant à réduire et à limiter davantage les armements stratégiques offensifs (New START)',
  },
  'Expiry of the treaty\'s term, as extended in 2021': { fr: 'Expiration de la durée du traité, prolongée en 2021' },
  'Government of the Netherlands': { fr: 'Gouvernement des Pays-Bas' },
  'Governments of Canada and Hungary': { fr: 'Gouvernements du Canada et de la Hongrie' },
  'United States withdrawal (Art. XV) from a bilateral treaty': { fr: 'Retrait des États-Unis (art. XV) d’un traité bilatéral' },
};

/** The French of a record text, if the catalogue has it. */
export function recordFrench(en: string): RecordFrench | undefined {
  return Object.hasOwn(RECORD_FRENCH, en) ? RECORD_FRENCH[en] : undefined;
}

/** A record text in the reader's language: its French where known, else the text as given. */
export function recordText(lang: 'en' | 'fr', text: string): string;
export function recordText(lang: 'en' | 'fr', text: string | undefined): string | undefined;
export function recordText(lang: 'en' | 'fr', text: string | undefined): string | undefined {
  if (text === undefined || lang === 'en') return text;
  return recordFrench(text)?.fr ?? text;
}

/**
 * Fields of record commands that hold text a reader sees (every `text` or `texts` field of the
 * command declarations except these identifiers and numbers, which read the same in French).
 */
export const UNTRANSLATED_FIELDS: ReadonlySet<string> = new Set(['reference', 'resolutions', 'tags', 'paragraphs', 'wording', 'text']);

/**
 * Fields that hold a person's name (`Cmd.field`): a proper name reads the same in French, so it
 * needs no entry; one with English words in it ("1st Baron Ismay") has one all the same.
 */
export const PERSON_NAME_FIELDS: ReadonlySet<string> = new Set(['AppointSecretaryGeneral.name', 'AppointOfficeHolder.name']);
