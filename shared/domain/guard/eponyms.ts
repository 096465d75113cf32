// Names that in clinical writing are diseases, signs, scores, tests and methods rather than
// people. A mention is treated as an eponym when one of these names is followed by a medical noun
// ("Hashimoto thyroiditis", "Glasgow Coma Scale"), so a patient called Mr Parkinson is still found.

export const EPONYMS = new Set(
  (
    'Addison Adie Alport Altman Alzheimer Angelman Apgar Arnold Asperger Babinski Barlow Barré Barrett ' +
    'Bartter Bayes Becker Behçet Bell Berger Bernoulli Bland Blatchford Boston Bonferroni Breslow Broca ' +
    'Brudzinski Brugada Budd Buerger Centor Charcot Cheyne Chiari Child Churg Clark Cohen Colles Conn ' +
    'Cormack Cox Creutzfeldt Crohn Cushing Dandy Dix Doppler Down Duchenne Duke Dukes Dupuytren Ellison ' +
    'Epley Ewing Fabry Fallot Fanconi Felty Fisher Forrester Framingham Frank Friedreich Gaucher Geneva ' +
    'Gilbert Gitelman Glasgow Gleason Goodpasture Graves Guillain Hallpike Hartmann Hashimoto Hawthorne ' +
    'Heberden Henoch Hirschsprung Hodgkin Holter Horner Huntington Hurler Jakob Kaplan Kaposi ' +
    'Karnofsky Kawasaki Kernig Killip Klinefelter Korotkoff Korsakoff Kruskal Kussmaul Lachman Lehane ' +
    'Lewy Liddle Ludwig Lyme Mallampati Mallory Marfan Mayo McMurray Meier Meniere Ménière Murphy ' +
    'Niemann Nissen Nottingham Osler Ottawa Paget Parkinson Pearson Peyronie Phalen Pick Poisson Pompe ' +
    'Prader Pugh Ranson Raynaud Reiter Rett Romberg Rovsing Sachs Schönlein Seldinger Sjögren Sjogren ' +
    'Spearman Starling Stevens Still Stokes Strauss Student Sturge Takayasu Takotsubo Tay Tinel Todd ' +
    'Tooth Tourette Trendelenburg Trousseau Tukey Turner Valsalva Virchow Wallis Walker Weber Wegener ' +
    'Weiss Wells Wernicke West Whipple White Whitney Wilcoxon Willi Wilson Wolff Zollinger Johnson Nile'
  ).split(' '),
);

/** Words that follow an eponym; plurals are matched by dropping a final "s". */
export const EPONYM_NOUNS = new Set(
  (
    'disease syndrome sign score scale criteria criterion test thyroiditis palsy curve model node ' +
    'nodule phenomenon effect procedure technique manoeuvre maneuver fundoplication plot correlation ' +
    'rho kappa pattern lymphoma sarcoma oesophagus esophagus angina class classification stage ' +
    'fracture reflex triad law equation formula rule virus index cardiomyopathy tube catheter exact ' +
    't coma heart clinic chart correction method estimator distribution ulcer tumour tumor malformation ' +
    'anomaly tetralogy disorder dementia bodies body encephalopathy psychosis respiration breathing ' +
    'contracture manoeuvre position protocol grade grading system staging regression analysis ' +
    'estimate diagram monitor deformity neuralgia arteritis vasculitis purpura fever'
  ).split(' '),
);
