/** The focal point Letter 1064/BTTTT-KTS&XHS asks every unit to name with its return. */
import { HEADER_NAMES } from '../../cellContract';
import type { ReturnData } from '../../returnData';
import { cellText, quoted } from '../cellText';
import { isEmail, isPhone } from '../contact';
import { atHeader, type Check } from '../finding';

/** Each focal-point field: where the payload carries it, its contract name, and what a person calls it. */
export const CONTACT_FIELDS = [
  ['name', HEADER_NAMES.contactName, { vi: 'họ và tên', en: 'full name' }],
  ['title', HEADER_NAMES.contactTitle, { vi: 'chức vụ', en: 'position' }],
  ['org', HEADER_NAMES.contactOrg, { vi: 'đơn vị công tác', en: 'organisation' }],
  ['phone', HEADER_NAMES.contactPhone, { vi: 'số điện thoại', en: 'phone number' }],
  ['email', HEADER_NAMES.contactEmail, { vi: 'thư điện tử', en: 'e-mail' }],
] as const;

const contactText = (data: ReturnData, field: (typeof CONTACT_FIELDS)[number][0]) => cellText(data.contact?.[field]);

export const missing: Check = ({ data }) =>
  CONTACT_FIELDS.filter(([field]) => contactText(data, field) === '').map(([, name, label]) => atHeader('contact.missing', name, { field: label }));

export const email: Check = ({ data }) => {
  const text = contactText(data, 'email');
  return text === '' || isEmail(text) ? [] : [atHeader('contact.email', HEADER_NAMES.contactEmail, { value: quoted(text) })];
};

export const phone: Check = ({ data }) => {
  const text = contactText(data, 'phone');
  return text === '' || isPhone(text) ? [] : [atHeader('contact.phone', HEADER_NAMES.contactPhone, { value: quoted(text) })];
};
