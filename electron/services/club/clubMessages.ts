// The sentences shared by the parts of the club service, so one problem reads the same whichever
// method meets it.

export const NOT_FOUND_SESSION = 'That session is no longer on this computer.';
export const NEEDS_PROFILE =
  'Save your profile with your name first: every contribution is filed under it.';
