using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Comptoir.Platform.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Digests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Team",
                table: "StaffMembers",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CauseActions",
                columns: table => new
                {
                    CauseId = table.Column<int>(type: "integer", nullable: false),
                    Plan = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedById = table.Column<int>(type: "integer", nullable: true),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CauseActions", x => x.CauseId);
                    table.ForeignKey(
                        name: "FK_CauseActions_Causes_CauseId",
                        column: x => x.CauseId,
                        principalTable: "Causes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CauseActions_StaffMembers_UpdatedById",
                        column: x => x.UpdatedById,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "CauseDigests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Scope = table.Column<int>(type: "integer", nullable: false),
                    ScopeId = table.Column<int>(type: "integer", nullable: false),
                    LocalDate = table.Column<DateOnly>(type: "date", nullable: false),
                    TimeZoneId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WindowStart = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    WindowEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ProducedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TotalContacts = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CauseDigests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DigestSubscriptions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StaffMemberId = table.Column<int>(type: "integer", nullable: false),
                    Scope = table.Column<int>(type: "integer", nullable: false),
                    ScopeId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DigestSubscriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DigestSubscriptions_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StaffMails",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StaffMemberId = table.Column<int>(type: "integer", nullable: true),
                    To = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffMails", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffMails_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "CauseDigestEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DigestId = table.Column<long>(type: "bigint", nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    CauseId = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    PreviousAverage = table.Column<double>(type: "double precision", nullable: false),
                    TrendPercent = table.Column<double>(type: "double precision", nullable: true),
                    IsNew = table.Column<bool>(type: "boolean", nullable: false),
                    OwningTeam = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    ActionPlan = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ActionStatus = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CauseDigestEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CauseDigestEntries_CauseDigests_DigestId",
                        column: x => x.DigestId,
                        principalTable: "CauseDigests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CauseDigestEntries_Causes_CauseId",
                        column: x => x.CauseId,
                        principalTable: "Causes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CauseDigestVerbatims",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EntryId = table.Column<long>(type: "bigint", nullable: false),
                    ConversationId = table.Column<long>(type: "bigint", nullable: false),
                    Excerpt = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CauseDigestVerbatims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CauseDigestVerbatims_CauseDigestEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "CauseDigestEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CauseActions_UpdatedById",
                table: "CauseActions",
                column: "UpdatedById");

            migrationBuilder.CreateIndex(
                name: "IX_CauseDigestEntries_CauseId",
                table: "CauseDigestEntries",
                column: "CauseId");

            migrationBuilder.CreateIndex(
                name: "IX_CauseDigestEntries_DigestId_Rank",
                table: "CauseDigestEntries",
                columns: new[] { "DigestId", "Rank" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CauseDigests_Scope_ScopeId_LocalDate",
                table: "CauseDigests",
                columns: new[] { "Scope", "ScopeId", "LocalDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CauseDigestVerbatims_EntryId",
                table: "CauseDigestVerbatims",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_DigestSubscriptions_Scope_ScopeId",
                table: "DigestSubscriptions",
                columns: new[] { "Scope", "ScopeId" });

            migrationBuilder.CreateIndex(
                name: "IX_DigestSubscriptions_StaffMemberId_Scope_ScopeId",
                table: "DigestSubscriptions",
                columns: new[] { "StaffMemberId", "Scope", "ScopeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffMails_StaffMemberId",
                table: "StaffMails",
                column: "StaffMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffMails_Status_NextAttemptAt",
                table: "StaffMails",
                columns: new[] { "Status", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CauseActions");

            migrationBuilder.DropTable(
                name: "CauseDigestVerbatims");

            migrationBuilder.DropTable(
                name: "DigestSubscriptions");

            migrationBuilder.DropTable(
                name: "StaffMails");

            migrationBuilder.DropTable(
                name: "CauseDigestEntries");

            migrationBuilder.DropTable(
                name: "CauseDigests");

            migrationBuilder.DropColumn(
                name: "Team",
                table: "StaffMembers");
        }
    }
}
