import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { FormProvider, useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { toFormValues, type LetterFormValues } from '../../../core/letter/form-values';
import { idNumberCheckCharacter } from '../../../core/staff/id-number';
import { PersonFields } from '../../../renderer/editor/PersonFields';
import { ownLetter } from '../../support/letter-fixtures';

const ID_NUMBER = `37082719870614583${idNumberCheckCharacter('37082719870614583')}`;

function Form({ values, children }: { readonly values: LetterFormValues; readonly children: ReactNode }) {
  const form = useForm<LetterFormValues>({ defaultValues: values });
  return <FormProvider {...form}>{children}</FormProvider>;
}

const markup = (person: Record<string, unknown>) => {
  const own = ownLetter('person');
  const values = toFormValues({ ...own, person: { ...(own.kind === 'person' ? own.person : {}), ...person } });
  return renderToStaticMarkup(
    <Form values={values}>
      <PersonFields />
    </Form>,
  );
};

describe('the editor’s person fields', () => {
  it('show a stored ID number masked, with a button to change it, and never in full', () => {
    const html = markup({ department: '综合行政执法队', postType: 'enforcement', idNumber: ID_NUMBER });
    expect(html).toContain('370827**********');
    expect(html).toContain('修改身份证号');
    for (let start = 6; start + 4 <= 16; start += 1) expect(html).not.toContain(ID_NUMBER.slice(start, start + 4));
    expect(html).not.toContain('name="person.idNumber"');
    // react-hook-form fills its inputs once mounted; what is rendered here is which fields there are.
    expect(html).toContain('name="person.department"');
  });

  it('offer 科室, every post type, and an empty ID field to type in when there is none', () => {
    const html = markup({ postType: 'window' });
    expect(html).toContain('承诺人所在科室');
    expect(html.match(/<option value="(window|enforcement|other)"/gu)).toHaveLength(3);
    expect(html).toContain('<option value="window">窗口服务</option>');
    expect(html).toContain('name="person.idNumber"');
    expect(html).not.toContain('修改身份证号');
  });
});
