ALTER TYPE "portal"."preparation_part" ADD VALUE 'about_meeting';--> statement-breakpoint
CREATE TABLE "portal"."preparation_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"preparation_part_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"part" "portal"."preparation_part" NOT NULL,
	"version" integer NOT NULL,
	"answers" jsonb,
	"shared_at" timestamp with time zone DEFAULT now() NOT NULL,
	"shared_by_person_id" uuid,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "portal"."preparation_parts" ADD COLUMN "updated_by_person_id" uuid;--> statement-breakpoint
ALTER TABLE "portal"."preparation_shares" ADD CONSTRAINT "preparation_shares_preparation_part_id_preparation_parts_id_fk" FOREIGN KEY ("preparation_part_id") REFERENCES "portal"."preparation_parts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."preparation_shares" ADD CONSTRAINT "preparation_shares_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "portal"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."preparation_shares" ADD CONSTRAINT "preparation_shares_shared_by_person_id_persons_id_fk" FOREIGN KEY ("shared_by_person_id") REFERENCES "portal"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "preparation_shares_participant_part" ON "portal"."preparation_shares" USING btree ("participant_id","part","shared_at");--> statement-breakpoint
ALTER TABLE "portal"."preparation_parts" ADD CONSTRAINT "preparation_parts_updated_by_person_id_persons_id_fk" FOREIGN KEY ("updated_by_person_id") REFERENCES "portal"."persons"("id") ON DELETE set null ON UPDATE no action;