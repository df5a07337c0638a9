package io.urop.tenancy;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface NoteRepository extends JpaRepository<Note, UUID> {
}
