/**
 * The words a generated clinical library is made of: what journal feeds of internal medicine,
 * cardiology, infectious disease and emergency care actually say, so that search indexes, list
 * rows and storage see text with the shape and spread of real abstracts (common words in most
 * items, drug names in a few, numbers and identifiers everywhere).
 */

/** Entries of a `;`-separated list (entries may hold commas and spaces). */
function entries(text: string): readonly string[] {
  return text
    .split(';')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/** `long = short` entries of a `;`-separated list. */
function pairs(text: string): readonly (readonly [string, string])[] {
  return entries(text).map((entry) => {
    const [long = '', short = ''] = entry.split('=').map((part) => part.trim());
    return [long, short] as const;
  });
}

/** Surnames seen on clinical papers, some with letters outside ASCII, as feeds send them. */
export const SURNAMES = entries(`
  Smith; Johnson; Williams; Brown; Jones; Miller; Davis; Wilson; Anderson; Taylor; Thomas;
  Moore; Martin; Jackson; Thompson; White; Harris; Clark; Lewis; Robinson; Walker; Young;
  Allen; King; Wright; Scott; Green; Baker; Adams; Nelson; Hill; Campbell; Mitchell; Roberts;
  Carter; Phillips; Evans; Turner; Parker; Collins; Edwards; Stewart; Morris; Murphy; Cook;
  Rogers; Morgan; Cooper; Peterson; Reed; Bailey; Kelly; Howard; Ward; Cox; Richardson; Wood;
  Watson; Brooks; Bennett; Gray; Hughes; Price; Sanders; Patel; Shah; Gupta; Singh; Kumar;
  Sharma; Iyer; Reddy; Nguyen; Tran; Pham; Le; Wang; Li; Zhang; Liu; Chen; Yang; Huang; Zhao;
  Wu; Zhou; Kim; Park; Choi; Tanaka; Suzuki; Takahashi; Watanabe; Yamamoto; Nakamura;
  Kobayashi; Sato; García; Martínez; Rodríguez; López; Hernández; González; Pérez; Sánchez;
  Ramírez; Torres; Flores; Rivera; Gómez; Díaz; Silva; Santos; Oliveira; Costa; Ferreira;
  Müller; Schmidt; Schneider; Fischer; Weber; Meyer; Wagner; Becker; Schäfer; Koch; Bauer;
  Richter; Klein; Wolf; Schröder; Neumann; Dubois; Lefèvre; Moreau; Laurent; Girard; Bonnet;
  Rossi; Russo; Ferrari; Esposito; Bianchi; Romano; Colombo; Ricci; Marino; Greco; Bruno;
  Jansen; de Vries; van den Berg; van Dijk; Bakker; Visser; Smit; Andersen; Nielsen; Hansen;
  Pedersen; Larsen; Johansson; Karlsson; Nilsson; Eriksson; Ødegaard; Kowalski; Nowak;
  Wiśniewski; Novák; Horváth; Ivanov; Petrov; Popescu; Papadopoulos; Yilmaz; Kaya; Demir;
  Cohen; Levi; Haddad; Khalil; Hassan; Ahmed; Ali; Khan; Rahman; Hussain; Okafor; Adeyemi;
  Okonkwo; Mensah; Owusu; Mwangi; Otieno; Kamau; Ndlovu; Dlamini; Nkosi; O'Brien; O'Connor;
  McMurray; MacDonald; Fitzgerald; Gallagher; Doherty; Byrne; Walsh; Ryan
`);

/** Letters that start given names often enough to look right as initials. */
export const INITIALS = 'AABCCDDEFGHIJJKLMMNOPRRSSTVWY';

/** Drugs and other interventions with the class they belong to. */
export const INTERVENTIONS = entries(`
  dapagliflozin; empagliflozin; canagliflozin; sotagliflozin; semaglutide; tirzepatide;
  liraglutide; dulaglutide; finerenone; spironolactone; eplerenone; sacubitril-valsartan;
  ramipril; lisinopril; candesartan; amlodipine; chlorthalidone; indapamide; bisoprolol;
  metoprolol; carvedilol; ivabradine; vericiguat; digoxin; apixaban; rivaroxaban; edoxaban;
  dabigatran; warfarin; enoxaparin; heparin; aspirin; clopidogrel; ticagrelor; prasugrel;
  atorvastatin; rosuvastatin; ezetimibe; evolocumab; alirocumab; inclisiran; bempedoic acid;
  colchicine; tenecteplase; alteplase; tranexamic acid; dexamethasone; hydrocortisone;
  methylprednisolone; tocilizumab; baricitinib; remdesivir; nirmatrelvir-ritonavir;
  molnupiravir; oseltamivir; piperacillin-tazobactam; meropenem; ceftriaxone; amoxicillin;
  azithromycin; doxycycline; vancomycin; fosfomycin; nitrofurantoin; metformin;
  insulin glargine; pioglitazone; sitagliptin; levothyroxine; denosumab; zoledronic acid;
  alendronate; romosozumab; pembrolizumab; nivolumab; atezolizumab; osimertinib;
  trastuzumab deruxtecan; olaparib; lecanemab; donanemab; esketamine; sertraline; escitalopram;
  ketamine; buprenorphine; naloxone; methadone; varenicline; cytisine; paracetamol; ibuprofen;
  ondansetron; omeprazole; vitamin D; balanced crystalloids; saline; norepinephrine;
  vasopressin; high-flow nasal oxygen
`);

/** What an intervention is compared with. */
export const COMPARATORS = entries(`
  placebo; usual care; standard care; no treatment; a sham procedure;
  guideline-directed medical therapy; active surveillance; delayed treatment
`);

/** Conditions with the patients they describe. */
export const CONDITIONS = entries(`
  heart failure with reduced ejection fraction; heart failure with preserved ejection fraction;
  atrial fibrillation; acute myocardial infarction; stable coronary artery disease;
  hypertension; resistant hypertension; type 2 diabetes; type 1 diabetes; obesity;
  chronic kidney disease; acute kidney injury; sepsis; septic shock;
  community-acquired pneumonia; COVID-19; influenza; urinary tract infection;
  acute ischaemic stroke; intracerebral haemorrhage; transient ischaemic attack;
  venous thromboembolism; pulmonary embolism; chronic obstructive pulmonary disease; asthma;
  acute respiratory distress syndrome; cardiac arrest; major trauma; traumatic brain injury;
  hip fracture; osteoporosis; rheumatoid arthritis; gout; major depressive disorder;
  opioid use disorder; Alzheimer's disease; delirium; non-small-cell lung cancer;
  breast cancer; colorectal cancer; cirrhosis;
  metabolic dysfunction-associated steatotic liver disease; inflammatory bowel disease;
  chronic pain; migraine; pre-eclampsia; gestational diabetes; bronchiolitis
`);

/** Who was studied. */
export const POPULATIONS = entries(`
  adults; older adults; adults aged 75 years or older; children; infants; pregnant women;
  outpatients; hospitalised patients; critically ill adults; patients in primary care;
  nursing home residents; veterans; patients presenting to the emergency department;
  adults with frailty; adolescents
`);

/** What was measured. */
export const OUTCOMES = entries(`
  all-cause mortality; cardiovascular death; hospitalisation for heart failure;
  major adverse cardiovascular events; myocardial infarction; stroke; major bleeding;
  clinically relevant non-major bleeding; recurrent venous thromboembolism;
  a sustained 40% decline in eGFR; kidney failure; HbA1c; body weight; systolic blood pressure;
  LDL cholesterol; quality of life; functional independence;
  a modified Rankin Scale score of 0 to 2; ventilator-free days;
  days alive and out of hospital; length of stay; 30-day readmission; delirium; falls;
  fractures; clinical cure; treatment failure; serious adverse events;
  discontinuation due to adverse events; progression-free survival; overall survival;
  remission; pain intensity
`);

/** Study designs, as titles name them. */
export const DESIGNS = entries(`
  randomised clinical trial; double-blind, placebo-controlled trial;
  pragmatic cluster randomised trial; multicentre randomised trial; non-inferiority trial;
  prospective cohort study; retrospective cohort study; target trial emulation;
  nationwide registry study; case-control study; systematic review and meta-analysis;
  network meta-analysis; individual patient data meta-analysis; cost-effectiveness analysis;
  secondary analysis of a randomised trial
`);

/** Where studies were done. */
export const COUNTRIES = entries(`
  the United States; Canada; the United Kingdom; Ireland; France; Germany; Italy; Spain;
  the Netherlands; Denmark; Sweden; Norway; Poland; Brazil; Mexico; Argentina; China; Japan;
  South Korea; India; Australia; New Zealand; South Africa; Nigeria; Kenya
`);

/** Who paid for a trial. */
export const FUNDERS = entries(`
  National Heart, Lung, and Blood Institute; National Institute for Health and Care Research;
  Canadian Institutes of Health Research; European Research Council; Wellcome Trust;
  AstraZeneca; Novo Nordisk; Boehringer Ingelheim; Bayer; Pfizer; Eli Lilly;
  Medical Research Council; National Health and Medical Research Council; Gates Foundation
`);

/** The first half of a journal's name. */
export const JOURNAL_PREFIXES = entries(`
  Journal of; Annals of; Archives of; International Journal of; European Journal of;
  American Journal of; Clinical; Current Opinion in; Advances in; Reviews in
`);

/** The field a journal covers, with the short word its title abbreviation uses. */
export const JOURNAL_FIELDS = pairs(`
  Internal Medicine = Intern Med; Cardiology = Cardiol; Emergency Medicine = Emerg Med;
  Critical Care = Crit Care; Infectious Diseases = Infect Dis; Nephrology = Nephrol;
  Endocrinology = Endocrinol; Diabetes and Metabolism = Diabetes Metab;
  Respiratory Medicine = Respir Med; Neurology = Neurol; Stroke Research = Stroke Res;
  Geriatric Medicine = Geriatr Med; Family Practice = Fam Pract; Hepatology = Hepatol;
  Gastroenterology = Gastroenterol; Rheumatology = Rheumatol; Clinical Oncology = Clin Oncol;
  Psychiatry = Psychiatry; Paediatrics = Paediatr;
  Obstetrics and Gynaecology = Obstet Gynaecol
`);

/** PubMed saved searches, as their feeds are titled. */
export const SAVED_SEARCHES = entries(`
  sglt2 heart failure; sepsis fluids; anticoagulation atrial fibrillation; glp-1 obesity;
  delirium prevention; stroke thrombolysis; copd exacerbation; hip fracture outcomes;
  deprescribing older adults; pneumonia antibiotics duration
`);

/** medRxiv subject collections and arXiv categories a clinician might follow. */
export const PREPRINT_CHANNELS = pairs(`
  medRxiv = Cardiovascular Medicine; arXiv = q-bio.QM; medRxiv = Infectious Diseases;
  arXiv = stat.AP; medRxiv = Emergency Medicine; arXiv = cs.LG; medRxiv = Epidemiology;
  arXiv = q-bio.PE; medRxiv = Nephrology; arXiv = eess.SP
`);

/** Words that appear in no generated item, for the search that must find nothing. */
export const ABSENT_WORDS = ['zwitterionic', 'quasicrystal', 'bathyscaphe'] as const;
