using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Comptoir.Platform.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Causes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "CauseConfidence",
                table: "Conversations",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CauseId",
                table: "Conversations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CauseModelVersionId",
                table: "Conversations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CauseState",
                table: "Conversations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "CauseModels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrainedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExampleCount = table.Column<int>(type: "integer", nullable: false),
                    CauseCount = table.Column<int>(type: "integer", nullable: false),
                    HeldOutAccuracy = table.Column<double>(type: "double precision", nullable: true),
                    TrainingMilliseconds = table.Column<long>(type: "bigint", nullable: false),
                    TrainedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Model = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CauseModels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Causes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    Code = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    EnglishName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    OwningTeam = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    PrioritySince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Causes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Causes_Causes_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Causes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CauseCounts",
                columns: table => new
                {
                    Scope = table.Column<int>(type: "integer", nullable: false),
                    ScopeId = table.Column<int>(type: "integer", nullable: false),
                    Hour = table.Column<long>(type: "bigint", nullable: false),
                    CauseId = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CauseCounts", x => new { x.Scope, x.ScopeId, x.Hour, x.CauseId });
                    table.ForeignKey(
                        name: "FK_CauseCounts_Causes_CauseId",
                        column: x => x.CauseId,
                        principalTable: "Causes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CauseExamples",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CauseId = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    ConversationId = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CauseExamples", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CauseExamples_Causes_CauseId",
                        column: x => x.CauseId,
                        principalTable: "Causes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_CauseId_CreatedAt",
                table: "Conversations",
                columns: new[] { "CauseId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CauseCounts_CauseId",
                table: "CauseCounts",
                column: "CauseId");

            migrationBuilder.CreateIndex(
                name: "IX_CauseExamples_CauseId",
                table: "CauseExamples",
                column: "CauseId");

            migrationBuilder.CreateIndex(
                name: "IX_CauseExamples_ConversationId",
                table: "CauseExamples",
                column: "ConversationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Causes_Code",
                table: "Causes",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Causes_ParentId",
                table: "Causes",
                column: "ParentId");

            migrationBuilder.AddForeignKey(
                name: "FK_Conversations_Causes_CauseId",
                table: "Conversations",
                column: "CauseId",
                principalTable: "Causes",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Conversations_Causes_CauseId",
                table: "Conversations");

            migrationBuilder.DropTable(
                name: "CauseCounts");

            migrationBuilder.DropTable(
                name: "CauseExamples");

            migrationBuilder.DropTable(
                name: "CauseModels");

            migrationBuilder.DropTable(
                name: "Causes");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_CauseId_CreatedAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "CauseConfidence",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "CauseId",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "CauseModelVersionId",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "CauseState",
                table: "Conversations");
        }
    }
}
