using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comptoir.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IdentityProofAndContactIdentity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "GivenIdentities",
                table: "Messages",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Proof",
                table: "CustomerIdentities",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Unverified");

            migrationBuilder.AddColumn<long>(
                name: "ProvenAt",
                table: "CustomerIdentities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactIdentity",
                table: "Conversations",
                type: "TEXT",
                maxLength: 260,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_ContactIdentity_LastActivityAt",
                table: "Conversations",
                columns: new[] { "ContactIdentity", "LastActivityAt" });

            // How identities stored before were proven is not known: e-mails, phones and handles came mostly from
            // the channels' senders and keep linking their customers (weakly proven; an SMS or call raises a phone to
            // verified); card and order numbers were only ever typed.
            migrationBuilder.Sql("""
                UPDATE "CustomerIdentities" SET "Proof" = 'Weak', "ProvenAt" = "AddedAt" WHERE "Kind" IN ('Email', 'Phone', 'SocialHandle');
                """);

            // Recent SMS and social conversations keep continuing: they came from their customer's number or handle
            // when the customer has only one.
            migrationBuilder.Sql("""
                UPDATE "Conversations" SET "ContactIdentity" = (
                    SELECT MIN(i."Value") FROM "CustomerIdentities" AS i
                    WHERE i."CustomerId" = "Conversations"."CustomerId" AND i."Kind" = CASE WHEN "Conversations"."Channel" = 'Sms' THEN 'Phone' ELSE 'SocialHandle' END)
                WHERE "Channel" IN ('Sms', 'Social') AND "ThreadKey" IS NULL AND (
                    SELECT COUNT(*) FROM "CustomerIdentities" AS i
                    WHERE i."CustomerId" = "Conversations"."CustomerId" AND i."Kind" = CASE WHEN "Conversations"."Channel" = 'Sms' THEN 'Phone' ELSE 'SocialHandle' END) = 1;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Conversations_ContactIdentity_LastActivityAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "GivenIdentities",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "Proof",
                table: "CustomerIdentities");

            migrationBuilder.DropColumn(
                name: "ProvenAt",
                table: "CustomerIdentities");

            migrationBuilder.DropColumn(
                name: "ContactIdentity",
                table: "Conversations");
        }
    }
}
