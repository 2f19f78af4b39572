import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsString, Length, Matches, MaxLength, ValidateBy, isEmail } from 'class-validator';
import { SECTORS, type Sector } from '../stakeholder.entity.js';
import { SectorEnum } from '../models/stakeholder.model.js';
import { Text } from '../../common/validation/text.js';

/** A lone UTF-16 surrogate: in `u` mode a proper pair matches as one code point, never as Cs. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * class-validator's IsEmail, except that ill-formed text is refused first: validator's
 * isEmail measures the local part with encodeURI, which throws a URIError on a lone
 * surrogate (the fuzzer found that one as an INTERNAL_SERVER_ERROR).
 */
const IsEmailAddress = (message: string) =>
  ValidateBy({
    name: 'isEmail',
    validator: {
      validate: (value) =>
        typeof value === 'string' && !LONE_SURROGATE.test(value) && isEmail(value),
      defaultMessage: () => message,
    },
  });

@InputType()
export class SignUpInput {
  @Field()
  @IsEmailAddress('email must be an email address')
  @MaxLength(254)
  email: string;

  @Field()
  @IsString()
  @Length(12, 200, { message: 'password must be 12 to 200 characters' })
  password: string;

  @Field({ description: '2–40 letters, digits, - or _' })
  @Matches(/^[A-Za-z0-9_-]{2,40}$/, { message: 'handle must be 2–40 letters, digits, - or _' })
  handle: string;

  @Field()
  @Text(120)
  displayName: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(200)
  organization: string;

  @Field(() => SectorEnum)
  @IsIn(SECTORS)
  sector: Sector;
}
