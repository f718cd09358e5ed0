using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Comptoir.Platform.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class EmergingIrritants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EmergingIrritants",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Scope = table.Column<int>(type: "integer", nullable: false),
                    ScopeId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Term = table.Column<string>(type: "character varying(90)", maxLength: 90, nullable: false),
                    CauseId = table.Column<int>(type: "integer", nullable: true),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    Expected = table.Column<double>(type: "double precision", nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    Unseen = table.Column<bool>(type: "boolean", nullable: false),
                    FlaggedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedCauseId = table.Column<int>(type: "integer", nullable: true),
                    ResolvedById = table.Column<int>(type: "integer", nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmergingIrritants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmergingIrritants_Causes_CreatedCauseId",
                        column: x => x.CreatedCauseId,
                        principalTable: "Causes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "EmergingScopes",
                columns: table => new
                {
                    Scope = table.Column<int>(type: "integer", nullable: false),
                    ScopeId = table.Column<int>(type: "integer", nullable: false),
                    DaysFolded = table.Column<int>(type: "integer", nullable: false),
                    FoldedThrough = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmergingScopes", x => new { x.Scope, x.ScopeId });
                });

            migrationBuilder.CreateTable(
                name: "EmergingTermHistories",
                columns: table => new
                {
                    Scope = table.Column<int>(type: "integer", nullable: false),
                    ScopeId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Term = table.Column<string>(type: "character varying(90)", maxLength: 90, nullable: false),
                    Mean = table.Column<double>(type: "double precision", nullable: false),
                    Variance = table.Column<double>(type: "double precision", nullable: false),
                    DaysSeen = table.Column<int>(type: "integer", nullable: false),
                    FirstSeen = table.Column<DateOnly>(type: "date", nullable: false),
                    LastDay = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmergingTermHistories", x => new { x.Scope, x.ScopeId, x.Kind, x.Term });
                });

            migrationBuilder.CreateTable(
                name: "EmergingVerbatim",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EmergingIrritantId = table.Column<long>(type: "bigint", nullable: false),
                    ConversationId = table.Column<long>(type: "bigint", nullable: false),
                    Excerpt = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmergingVerbatim", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmergingVerbatim_EmergingIrritants_EmergingIrritantId",
                        column: x => x.EmergingIrritantId,
                        principalTable: "EmergingIrritants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EmergingIrritants_CreatedCauseId",
                table: "EmergingIrritants",
                column: "CreatedCauseId");

            migrationBuilder.CreateIndex(
                name: "IX_EmergingIrritants_Day_Scope_ScopeId_Kind_Term",
                table: "EmergingIrritants",
                columns: new[] { "Day", "Scope", "ScopeId", "Kind", "Term" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EmergingVerbatim_EmergingIrritantId",
                table: "EmergingVerbatim",
                column: "EmergingIrritantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EmergingScopes");

            migrationBuilder.DropTable(
                name: "EmergingTermHistories");

            migrationBuilder.DropTable(
                name: "EmergingVerbatim");

            migrationBuilder.DropTable(
                name: "EmergingIrritants");
        }
    }
}
