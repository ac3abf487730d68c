package io.rowflow.kotlin

import io.rowflow.annotation.Column
import io.rowflow.annotation.GeneratedValue
import io.rowflow.annotation.Id
import io.rowflow.annotation.Table

/** A Kotlin data class as an entity: a generated key, a nullable property, defaults. */
@Table(name = "kt_shelf")
data class Shelf(
    @Id @GeneratedValue val id: Long? = null,
    @Column(nullable = false, length = 60) val label: String,
    val note: String? = null,
    val position: Int = 0,
)
