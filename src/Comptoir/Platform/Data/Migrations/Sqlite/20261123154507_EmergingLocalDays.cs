using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comptoir.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EmergingLocalDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TimeZoneId",
                table: "EmergingIrritants",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "Europe/Paris");

            // Until now every scope's days were Paris days, folded along with the group's: each scope goes on from there.
            migrationBuilder.Sql(
                """
                UPDATE "EmergingScopes" SET "FoldedThrough" =
                    (SELECT g."FoldedThrough" FROM "EmergingScopes" AS g WHERE g."Scope" = 0 AND g."ScopeId" = 0)
                WHERE "FoldedThrough" IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TimeZoneId",
                table: "EmergingIrritants");
        }
    }
}
