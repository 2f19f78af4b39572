import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsIn, IsString, Length, Matches, MaxLength } from 'class-validator';
import { SECTORS, type Sector } from '../stakeholder.entity.js';
import { SectorEnum } from '../models/stakeholder.model.js';

@InputType()
export class SignUpInput {
  @Field()
  @IsEmail({}, { message: 'email must be an email address' })
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
  @IsString()
  @Length(1, 120)
  displayName: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(200)
  organization: string;

  @Field(() => SectorEnum)
  @IsIn(SECTORS)
  sector: Sector;
}
