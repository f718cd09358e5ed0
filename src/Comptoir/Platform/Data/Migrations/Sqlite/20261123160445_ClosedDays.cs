using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comptoir.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClosedDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClosedDays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: true),
                    StoreId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClosedDays", x => x.Id);
                    table.CheckConstraint("CK_ClosedDays_OnePlace", "(CASE WHEN \"CountryCode\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"SiteId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"StoreId\" IS NULL THEN 0 ELSE 1 END) = 1");
                    table.ForeignKey(
                        name: "FK_ClosedDays_ServiceSites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "ServiceSites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ClosedDays_Stores_StoreId",
                        column: x => x.StoreId,
                        principalTable: "Stores",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClosedDays_Date_CountryCode",
                table: "ClosedDays",
                columns: new[] { "Date", "CountryCode" },
                unique: true,
                filter: "\"CountryCode\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ClosedDays_SiteId_Date",
                table: "ClosedDays",
                columns: new[] { "SiteId", "Date" },
                unique: true,
                filter: "\"SiteId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ClosedDays_StoreId_Date",
                table: "ClosedDays",
                columns: new[] { "StoreId", "Date" },
                unique: true,
                filter: "\"StoreId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClosedDays");
        }
    }
}
